using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>wss:// against a self-signed certificate: refused by default; accepted only by the ways the application chooses.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();
    private readonly X509Certificate2 _certificate;
    private readonly string _certificatePem;
    private readonly string _keyPem;

    public TlsTests() => (_certificate, _certificatePem, _keyPem) = _certificates.CreateServer();

    private string Thumbprint => _certificate.GetCertHashString(HashAlgorithmName.SHA256);

    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default_with_a_clear_error()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        await using var client = new WampClient(new WampClientOptions { Url = endpoint.Url, Realm = "realm1" });

        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => client.ConnectAsync().Within());

        Assert.StartsWith("The TLS certificate of 127.0.0.1 was refused: it is not trusted (", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UntrustedRoot", ex.Message, StringComparison.Ordinal);
        Assert.Equal(WampClientState.Failed, client.State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_pinned_certificate_is_accepted_and_the_session_works_over_tls(bool dedicatedReceiveThread)
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        var options = Options(endpoint);
        options.Tls.PinnedCertificateSha256.Add(Thumbprint);
        options.DedicatedReceiveThread = dedicatedReceiveThread;
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
        options.Tls.PinnedCertificateSha256.Add(new string('A', 64));
        await using var client = new WampClient(options);

        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => client.ConnectAsync().Within());
        Assert.Contains($"its SHA-256 thumbprint {Thumbprint} matches no pinned thumbprint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_root_certificate_can_be_trusted()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        var options = Options(endpoint);
        options.Tls.TrustedRootCertificates.Add(X509CertificateLoader.LoadCertificate(_certificate.RawData));
        await using var client = new WampClient(options);

        await JoinAsync(endpoint, client);
        Assert.Equal(WampClientState.Connected, client.State);
    }

    [Fact]
    public async Task Skipping_validation_works_only_on_request_and_warns_at_every_connect()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        var options = Options(endpoint);
        options.Tls.AllowUntrustedCertificates = true;
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
        using var clientCertificate = _certificates.CreateClient("wampy-client").Certificate;
        var options = Options(endpoint);
        options.Tls.PinnedCertificateSha256.Add(Thumbprint);
        options.Tls.ClientCertificates.Add(clientCertificate);
        await using var client = new WampClient(options);

        var connect = client.ConnectAsync();
        Assert.Equal("wampy-client", await endpoint.ClientCertificateAsync());
        await endpoint.AcceptAsync();
        await connect.Within();
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _certificates.Dispose();
    }

    private static WampClientOptions Options(ScriptedEndpoint endpoint) =>
        new() { Url = endpoint.Url, Realm = "realm1", CloseTimeout = TimeSpan.FromSeconds(2) };

    private static async Task JoinAsync(ScriptedEndpoint endpoint, WampClient client)
    {
        var connect = client.ConnectAsync();
        await endpoint.AcceptAsync();
        await connect.Within();
    }
}
