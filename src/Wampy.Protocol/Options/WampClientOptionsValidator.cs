using Wampy.Serialization;
using Wampy.Transports;

namespace Wampy;

/// <summary>
/// Checks <see cref="WampClientOptions"/>; every failure names its setting (with the configuration prefix, e.g.
/// <c>Wampy:</c>) and what is expected. Used by <see cref="WampClient"/>'s constructor and by Wampy.Hosting at start-up.
/// </summary>
internal static class WampClientOptionsValidator
{
    public static List<string> Validate(WampClientOptions options, string prefix)
    {
        var P = prefix;
        var failures = new List<string>();
        if (options.Url is not { IsAbsoluteUri: true } url || url.Scheme is not ("ws" or "wss" or "tcp" or "tls" or "unix"))
        {
            failures.Add($"{P}Url must be a ws://, wss://, tcp://, tls:// or unix:// URI; got '{options.Url?.OriginalString}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Realm))
        {
            failures.Add($"{P}Realm is required: the name of the realm to join, e.g. 'realm1'.");
        }
        else if (!WampUri.IsValid(options.Realm))
        {
            failures.Add($"{P}Realm must be a valid WAMP URI (dot-separated, no spaces or '#'); got '{options.Realm}'.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var serializer in options.Serializers ?? [])
        {
            if (WampSerializers.Find(serializer) is null)
            {
                failures.Add($"{P}Serializers contains '{serializer}'; supported: {string.Join(", ", WampSerializers.Names)}.");
            }
            else if (!seen.Add(serializer))
            {
                failures.Add($"{P}Serializers lists '{serializer}' twice.");
            }
        }

        Positive(failures, P, "ConnectTimeout", options.ConnectTimeout);
        Positive(failures, P, "CloseTimeout", options.CloseTimeout);
        if (options.DefaultCallTimeout is { } callTimeout)
        {
            Positive(failures, P, "DefaultCallTimeout", callTimeout);
        }

        NotNegative(failures, P, "ConnectionWaitTimeout", options.ConnectionWaitTimeout);
        NotNegative(failures, P, "Heartbeat:Interval", options.Heartbeat.Interval);
        if (options.Heartbeat.Interval > TimeSpan.Zero)
        {
            Positive(failures, P, "Heartbeat:Timeout", options.Heartbeat.Timeout);
            if (options.Heartbeat.Timeout > options.Heartbeat.Interval)
            {
                failures.Add($"{P}Heartbeat:Timeout ({options.Heartbeat.Timeout}) must not be longer than Heartbeat:Interval ({options.Heartbeat.Interval}): a probe would still be waiting when the next one is due.");
            }
        }

        Positive(failures, P, "Reconnect:InitialDelay", options.Reconnect.InitialDelay);
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

        if (options.MaxOutboundQueueBytes < 1024)
        {
            failures.Add($"{P}MaxOutboundQueueBytes must be at least 1024 bytes; got {options.MaxOutboundQueueBytes}.");
        }

        if (options.EventQueueCapacity < 1)
        {
            failures.Add($"{P}EventQueueCapacity must be at least 1; got {options.EventQueueCapacity}.");
        }

        ValidateAuthentication(failures, P, options.Authentication);
        ValidateTls(failures, P, options.Tls);
        return failures;
    }

    private static void ValidateAuthentication(List<string> failures, string P, WampAuthenticationOptions auth)
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
            case "cryptosign" when !WampAuthenticationOptions.CryptosignAvailable:
                failures.Add($"{P}Authentication:Method 'cryptosign' needs the Wampy.Cryptosign package (it brings NSec and native libsodium): add it to the project.");
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

    private static void ValidateTls(List<string> failures, string P, WampTlsOptions tls)
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

    private static void Positive(List<string> failures, string P, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{P}{key} must be a positive duration such as '00:00:10'; got {value}.");
        }
    }

    private static void NotNegative(List<string> failures, string P, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{P}{key} must not be negative; got {value}.");
        }
    }
}
