using Microsoft.Extensions.Options;
using Wampy.Hosting.Session;

namespace Wampy.Hosting;

/// <summary>Checks <see cref="WampyOptions"/> at start-up; every failure names its configuration key and what is expected.</summary>
internal sealed class WampyOptionsValidator : IValidateOptions<WampyOptions>
{
    private const string P = WampyOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, WampyOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss" or "tcp" or "tls" or "unix"))
        {
            failures.Add($"{P}Url must be a ws://, wss://, tcp://, tls:// or unix:// URI; got '{options.Url}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Realm))
        {
            failures.Add($"{P}Realm is required: the name of the realm to join, e.g. 'realm1'.");
        }
        else if (!WampUri.IsValid(options.Realm))
        {
            failures.Add($"{P}Realm must be a valid WAMP URI (dot-separated, no spaces or '#'); got '{options.Realm}'.");
        }

        if (options.Serializers is null || options.Serializers.Count == 0)
        {
            failures.Add($"{P}Serializers must list at least one serializer; supported: json, msgpack, cbor.");
        }
        else
        {
            foreach (var serializer in options.Serializers)
            {
                if (ClientOptionsBuilder.SerializerFor(serializer) is null)
                {
                    failures.Add($"{P}Serializers contains '{serializer}'; supported: json, msgpack, cbor.");
                }
            }
        }

        Positive(failures, "ConnectTimeout", options.ConnectTimeout);
        Positive(failures, "DefaultCallTimeout", options.DefaultCallTimeout);
        NotNegative(failures, "ConnectionWaitTimeout", options.ConnectionWaitTimeout);
        NotNegative(failures, "ShutdownTimeout", options.ShutdownTimeout);
        NotNegative(failures, "Heartbeat:Interval", options.Heartbeat.Interval);
        if (options.Heartbeat.Interval > TimeSpan.Zero)
        {
            Positive(failures, "Heartbeat:Timeout", options.Heartbeat.Timeout);
        }

        Positive(failures, "Reconnect:InitialDelay", options.Reconnect.InitialDelay);
        if (options.Reconnect.MaxDelay < options.Reconnect.InitialDelay)
        {
            failures.Add($"{P}Reconnect:MaxDelay must be at least Reconnect:InitialDelay ({options.Reconnect.InitialDelay}); got {options.Reconnect.MaxDelay}.");
        }

        if (options.Reconnect.BackoffFactor < 1.0)
        {
            failures.Add($"{P}Reconnect:BackoffFactor must be 1 or more; got {options.Reconnect.BackoffFactor}.");
        }

        if (options.Reconnect.MaxAttempts is < 1)
        {
            failures.Add($"{P}Reconnect:MaxAttempts must be 1 or more, or absent to retry forever; got {options.Reconnect.MaxAttempts}.");
        }

        if (options.MaxMessageSize < 1024)
        {
            failures.Add($"{P}MaxMessageSize must be at least 1024 bytes; got {options.MaxMessageSize}.");
        }

        ValidateAuthentication(failures, options.Authentication);
        ValidateTls(failures, options.Tls);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAuthentication(List<string> failures, WampyAuthenticationOptions auth)
    {
        const string Secret = " (supply it from an environment variable, user secrets or a secret store)";
        switch (auth.Method?.ToLowerInvariant())
        {
            case null or "" or "anonymous":
                break;
            case "ticket":
                if (string.IsNullOrEmpty(auth.Ticket))
                {
                    failures.Add($"{P}Authentication:Ticket is required when Authentication:Method is 'ticket'{Secret}.");
                }

                break;
            case "wampcra":
                if (string.IsNullOrEmpty(auth.Secret))
                {
                    failures.Add($"{P}Authentication:Secret is required when Authentication:Method is 'wampcra'{Secret}.");
                }

                break;
            case "cryptosign":
                if (string.IsNullOrEmpty(auth.PrivateKey) == string.IsNullOrEmpty(auth.PrivateKeyFile))
                {
                    failures.Add($"{P}Authentication: set exactly one of PrivateKey (64 hex characters) and PrivateKeyFile when Authentication:Method is 'cryptosign'{Secret}.");
                }
                else if (auth.PrivateKey is { Length: > 0 } key && (key.Length != 64 || !key.All(char.IsAsciiHexDigit)))
                {
                    failures.Add($"{P}Authentication:PrivateKey must be 64 hex characters (a 32-byte Ed25519 seed); it has {key.Length} characters.");
                }
                else if (auth.PrivateKeyFile is { Length: > 0 } file && !File.Exists(file))
                {
                    failures.Add($"{P}Authentication:PrivateKeyFile '{file}' does not exist.");
                }

                break;
            default:
                failures.Add($"{P}Authentication:Method must be 'anonymous', 'ticket', 'wampcra' or 'cryptosign'; got '{auth.Method}'.");
                break;
        }
    }

    private static void ValidateTls(List<string> failures, WampyTlsOptions tls)
    {
        foreach (var path in tls.CaCertificatePaths)
        {
            if (!File.Exists(path))
            {
                failures.Add($"{P}Tls:CaCertificatePaths lists '{path}', which does not exist.");
            }
        }

        if (tls.ClientCertificatePath is { Length: > 0 } certificate && !File.Exists(certificate))
        {
            failures.Add($"{P}Tls:ClientCertificatePath '{certificate}' does not exist.");
        }

        if (tls.ClientCertificateKeyPath is { Length: > 0 } key && !File.Exists(key))
        {
            failures.Add($"{P}Tls:ClientCertificateKeyPath '{key}' does not exist.");
        }

        foreach (var pin in tls.PinnedCertificateSha256)
        {
            var hex = pin.Replace(":", string.Empty, StringComparison.Ordinal);
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                failures.Add($"{P}Tls:PinnedCertificateSha256 entries must be SHA-256 thumbprints (64 hex characters); got '{pin}'.");
            }
        }
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{P}{key} must be a positive duration such as '00:00:10'; got {value}.");
        }
    }

    private static void NotNegative(List<string> failures, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{P}{key} must not be negative; got {value}.");
        }
    }
}
