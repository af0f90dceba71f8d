using System.Security.Cryptography.X509Certificates;
using Wampy.Authentication;

namespace Wampy.Hosting.Session;

/// <summary>Turns the validated <see cref="WampyOptions"/> into the protocol client's <see cref="WampClientOptions"/>.</summary>
internal static class ClientOptionsBuilder
{
    public static WampClientOptions Build(WampyOptions options)
    {
        var client = new WampClientOptions
        {
            Url = new Uri(options.Url!),
            Realm = options.Realm!,
            ConnectTimeout = options.ConnectTimeout,
            DefaultCallTimeout = options.DefaultCallTimeout,
            StrictUris = options.StrictUris,
            AuthId = options.Authentication.AuthId,
            AuthRole = options.Authentication.AuthRole,
            CloseTimeout = TimeSpan.FromSeconds(Math.Clamp(options.ShutdownTimeout.TotalSeconds, 0.5, 5)),
        };
        client.Serializers.Clear();
        foreach (var name in options.Serializers)
        {
            client.Serializers.Add(SerializerFor(name)!);
        }

        client.WebSocket.KeepAliveInterval = options.Heartbeat.Interval;
        client.WebSocket.KeepAliveTimeout = options.Heartbeat.Timeout;
        client.WebSocket.MaxMessageSize = options.MaxMessageSize;
        client.RawSocket.KeepAliveInterval = options.Heartbeat.Interval;
        client.RawSocket.KeepAliveTimeout = options.Heartbeat.Timeout;
        client.RawSocket.MaxMessageSize = options.MaxMessageSize;
        if (CreateAuthenticator(options.Authentication) is { } authenticator)
        {
            client.Authenticators.Add(authenticator);
        }

        ApplyTls(options.Tls, client.WebSocket.Tls);
        ApplyTls(options.Tls, client.RawSocket.Tls);
        options.ConfigureClient?.Invoke(client);
        return client;
    }

    /// <summary>The serializer configured by name (<c>json</c>, <c>msgpack</c>, <c>cbor</c>), or <see langword="null"/>.</summary>
    public static Serialization.IWampSerializer? SerializerFor(string? name) => name?.ToLowerInvariant() switch
    {
        "json" => Serialization.Json.JsonWampSerializer.Default,
        "msgpack" => Serialization.MessagePack.MessagePackWampSerializer.Default,
        "cbor" => Serialization.Cbor.CborWampSerializer.Default,
        _ => null,
    };

    private static IWampAuthenticator? CreateAuthenticator(WampyAuthenticationOptions auth) => auth.Method?.ToLowerInvariant() switch
    {
        "ticket" => new TicketAuthenticator(auth.Ticket!),
        "wampcra" => new WampCraAuthenticator(auth.Secret!),
        "cryptosign" when !string.IsNullOrEmpty(auth.PrivateKey) => CryptosignAuthenticator.FromHexSeed(auth.PrivateKey),
        "cryptosign" => CryptosignAuthenticator.FromFile(auth.PrivateKeyFile!),
        _ => null,
    };

    private static void ApplyTls(WampyTlsOptions source, Transports.WampTlsOptions target)
    {
        foreach (var path in source.CaCertificatePaths)
        {
            target.TrustedRootCertificates.ImportFromPemFile(path);
        }

        if (source.ClientCertificatePath is { Length: > 0 } certificate)
        {
            target.ClientCertificates.Add(certificate.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || certificate.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
                ? X509CertificateLoader.LoadPkcs12FromFile(certificate, source.ClientCertificatePassword)
                : X509Certificate2.CreateFromPemFile(certificate, source.ClientCertificateKeyPath));
        }

        foreach (var pin in source.PinnedCertificateSha256)
        {
            target.PinnedCertificateSha256.Add(pin);
        }

        target.AllowUntrustedCertificates = source.AllowUntrustedCertificates;
    }
}
