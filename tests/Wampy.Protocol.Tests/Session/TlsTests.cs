using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>wss:// against a self-signed certificate: refused by default; accepted only by the ways the application chooses.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wampy-tls-").FullName;
    private readonly X509Certificate2 _certificate;
    private readonly string _certificatePem;
    private readonly string _keyPem;

    public TlsTests()
    {
        using var key = RSA.Create(2048);
        _certificate = SelfSigned(key, "CN=127.0.0.1", server: true);
        _certificatePem = Path.Combine(_directory, "cert.pem");
        _keyPem = Path.Combine(_directory, "key.pem");
        File.WriteAllText(_certificatePem, _certificate.ExportCertificatePem());
        File.WriteAllText(_keyPem, key.ExportPkcs8PrivateKeyPem());
    }

    private string Thumbprint => _certificate.GetCertHashString(HashAlgorithmName.SHA256);

    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default_with_a_clear_error()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        await using var client = new WampClient(new WampClientOptions { Url = endpoint.Url, Realm = "realm1" });

        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => client.ConnectAsync().Within());

        Assert.StartsWith("The TLS certificate of 127.0.0.1 was refused: it is not trusted (", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UntrustedRoot", ex.Message, StringComparison.Ordinal);
        Assert.Equal(WampSessionState.Disconnected, client.State);
    }

    [Fact]
    public async Task A_pinned_certificate_is_accepted_and_the_session_works_over_tls()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        var options = Options(endpoint);
        options.WebSocket.Tls.PinnedCertificateSha256.Add(Thumbprint);
        await using var client = new WampClient(options);

        await JoinAsync(endpoint, client);
        var call = client.CallAsync<string>("test.tls");
        await endpoint.ReceiveAsync("[48,1,");
        await endpoint.SendAsync("""[50,1,{},["over tls"]]""");

        Assert.Equal("over tls", await call.Within());
    }

    [Fact]
    public async Task A_pin_that_does_not_match_is_refused_naming_the_thumbprint()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        var options = Options(endpoint);
        options.WebSocket.Tls.PinnedCertificateSha256.Add(new string('A', 64));
        await using var client = new WampClient(options);

        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => client.ConnectAsync().Within());
        Assert.Contains($"its SHA-256 thumbprint {Thumbprint} matches no pinned thumbprint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_root_certificate_can_be_trusted()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        var options = Options(endpoint);
        options.WebSocket.Tls.TrustedRootCertificates.Add(X509CertificateLoader.LoadCertificate(_certificate.RawData));
        await using var client = new WampClient(options);

        await JoinAsync(endpoint, client);
        Assert.Equal(WampSessionState.Established, client.State);
    }

    [Fact]
    public async Task Skipping_validation_works_only_on_request_and_warns_at_every_connect()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        var options = Options(endpoint);
        options.WebSocket.Tls.AllowUntrustedCertificates = true;
        using var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var client = new WampClient(options, factory);

        await JoinAsync(endpoint, client);

        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("TLS certificate validation is OFF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_certificate_is_presented_when_configured()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        using var clientKey = RSA.Create(2048);
        using var clientCertificate = SelfSigned(clientKey, "CN=wampy-client", server: false);
        var options = Options(endpoint);
        options.WebSocket.Tls.PinnedCertificateSha256.Add(Thumbprint);
        options.WebSocket.Tls.ClientCertificates.Add(clientCertificate);
        await using var client = new WampClient(options);

        var connect = client.ConnectAsync();
        Assert.Equal("wampy-client", await endpoint.ClientCertificateAsync());
        await endpoint.AcceptAsync();
        await connect.Within();
    }

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static WampClientOptions Options(ScriptedEndpoint endpoint) =>
        new() { Url = endpoint.Url, Realm = "realm1", CloseTimeout = TimeSpan.FromSeconds(2) };

    private static async Task JoinAsync(ScriptedEndpoint endpoint, WampClient client)
    {
        var connect = client.ConnectAsync();
        await endpoint.AcceptAsync();
        await connect.Within();
    }

    private static X509Certificate2 SelfSigned(RSA key, string subject, bool server)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (server)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        }
        else
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        }

        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }
}
