using System.Net;
using Microsoft.Extensions.Options;

namespace Wampy.Router;

/// <summary>Checks <see cref="WampRouterOptions"/> when the router starts, naming every problem at once.</summary>
internal sealed class WampRouterOptionsValidator : IValidateOptions<WampRouterOptions>
{
    private static readonly string[] KnownSerializers = ["json", "msgpack", "cbor"];

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WampRouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(WampRouterOptions options)
    {
        var result = new WampRouterOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(nameof(WampRouterOptions), typeof(WampRouterOptions), result.Failures);
        }
    }

    private static IEnumerable<string> Problems(WampRouterOptions options)
    {
        if (options.ListenAddress is not ("*" or "localhost") && !IPAddress.TryParse(options.ListenAddress, out _))
        {
            yield return $"WampyRouter:ListenAddress '{options.ListenAddress}' is not an IP address, 'localhost' or '*'.";
        }

        if (options.Port is < 0 or > 65535)
        {
            yield return $"WampyRouter:Port {options.Port} is not a TCP port (0-65535).";
        }

        if (options.RawSocketPort is < 0 or > 65535)
        {
            yield return $"WampyRouter:RawSocketPort {options.RawSocketPort} is not a TCP port (0-65535).";
        }

        if (options.RawSocketPort is > 0 && options.RawSocketPort == options.Port)
        {
            yield return "WampyRouter:RawSocketPort must differ from WampyRouter:Port.";
        }

        if (string.IsNullOrEmpty(options.WebSocketPath) || options.WebSocketPath[0] != '/')
        {
            yield return $"WampyRouter:WebSocketPath '{options.WebSocketPath}' must start with '/'.";
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (origin != "*" && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" &&
                                  uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0))
            {
                yield return $"WampyRouter:AllowedOrigins entry '{origin}' is not an origin such as https://app.example.com (scheme, host, optional port) or '*'.";
            }
        }

        if (options.Tls.Enabled && !File.Exists(options.Tls.CertificatePath))
        {
            yield return $"WampyRouter:Tls:CertificatePath '{options.Tls.CertificatePath}' does not exist.";
        }

        if (options.Tls.KeyPath is { } keyPath && !File.Exists(keyPath))
        {
            yield return $"WampyRouter:Tls:KeyPath '{keyPath}' does not exist.";
        }

        if (options.Serializers is not { Length: > 0 })
        {
            yield return "WampyRouter:Serializers must name at least one of json, msgpack, cbor.";
        }
        else
        {
            foreach (var serializer in options.Serializers.Where(s => !KnownSerializers.Contains(s)))
            {
                yield return $"WampyRouter:Serializers: '{serializer}' is not one of json, msgpack, cbor.";
            }
        }

        if (options.MaxMessageSize is < 512 or > 16 * 1024 * 1024)
        {
            yield return $"WampyRouter:MaxMessageSize {options.MaxMessageSize} must be between 512 bytes and 16 MiB.";
        }

        if (options.MaxQueuedBytesPerSession < 64 * 1024)
        {
            yield return "WampyRouter:MaxQueuedBytesPerSession must be at least 65536.";
        }

        if (options.MaxConnections < 1 || options.MaxConnectionsPerAddress < 1)
        {
            yield return "WampyRouter:MaxConnections and WampyRouter:MaxConnectionsPerAddress must be at least 1.";
        }

        if (options.MaxPendingCallsPerSession < 1)
        {
            yield return "WampyRouter:MaxPendingCallsPerSession must be at least 1.";
        }

        if (options.MaxQueuedMessagesPerSession < 16)
        {
            yield return "WampyRouter:MaxQueuedMessagesPerSession must be at least 16.";
        }

        if (options.HandshakeTimeout <= TimeSpan.Zero)
        {
            yield return "WampyRouter:HandshakeTimeout must be positive.";
        }

        if (options.ShutdownTimeout < TimeSpan.Zero || options.KeepAliveInterval < TimeSpan.Zero)
        {
            yield return "WampyRouter:ShutdownTimeout and KeepAliveInterval must not be negative.";
        }

        var realmNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var realm in options.Realms)
        {
            foreach (var problem in RealmProblems(realm, options.StrictUris))
            {
                yield return problem;
            }

            if (!realmNames.Add(realm.Name))
            {
                yield return $"WampyRouter:Realms: realm '{realm.Name}' is listed twice.";
            }
        }
    }

    private static IEnumerable<string> RealmProblems(WampRealmOptions realm, bool strict)
    {
        var where = $"WampyRouter:Realms '{realm.Name}'";
        if (!WampUri.IsValid(realm.Name, strict))
        {
            yield return $"{where}: the name is not a valid WAMP URI.";
        }

        var roles = new HashSet<string>(realm.Roles.Select(r => r.Name), StringComparer.Ordinal);
        var authIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in realm.Users)
        {
            if (string.IsNullOrEmpty(user.AuthId))
            {
                yield return $"{where}: a user has no AuthId.";
                continue;
            }

            if (!authIds.Add(user.AuthId))
            {
                yield return $"{where}: user '{user.AuthId}' is listed twice.";
            }

            if (user.Ticket is null && user.Secret is null && user.PublicKey is null)
            {
                yield return $"{where}: user '{user.AuthId}' has no Ticket, Secret or PublicKey, so cannot authenticate.";
            }

            if (user.PublicKey is not null && (user.PublicKey.Length != 64 || !user.PublicKey.All(Uri.IsHexDigit)))
            {
                yield return $"{where}: user '{user.AuthId}' PublicKey must be 64 hex digits (an Ed25519 public key).";
            }

            if (user.Salt is not null && (user.Iterations < 1 || user.KeyLength is < 1 or > 1024))
            {
                yield return $"{where}: user '{user.AuthId}' needs positive Iterations and a KeyLength of 1-1024 for salted WAMP-CRA.";
            }

            if (roles.Count > 0 && !roles.Contains(user.Role))
            {
                yield return $"{where}: user '{user.AuthId}' has role '{user.Role}', which is not among the realm's Roles.";
            }
        }

        foreach (var permission in realm.Roles.SelectMany(r => r.Permissions))
        {
            if (permission.Match is not ("prefix" or "exact"))
            {
                yield return $"{where}: permission for '{permission.Uri}' has Match '{permission.Match}'; use prefix or exact.";
            }
        }
    }
}
