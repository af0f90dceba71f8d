using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>wss:// with a self-signed certificate: refused by default, accepted only when the application says so.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wampy-tls-").FullName;
    private readonly X509Certificate2 _certificate;
    private readonly string _certificatePem;
    private readonly string _keyPem;

    public TlsTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        _certificatePem = Path.Combine(_directory, "cert.pem");
        _keyPem = Path.Combine(_directory, "key.pem");
        File.WriteAllText(_certificatePem, _certificate.ExportCertificatePem());
        File.WriteAllText(_keyPem, key.ExportPkcs8PrivateKeyPem());
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default_with_a_clear_error()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        await using var client = new WampClient(new WampClientOptions { Url = endpoint.Url, Realm = "realm1" });

        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => client.ConnectAsync().Within());

        Assert.Contains(endpoint.Url.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("SSL", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(WampSessionState.Disconnected, client.State);
    }

    [Fact]
    public async Task A_certificate_the_application_trusts_is_accepted_and_the_session_works_over_tls()
    {
        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(_certificatePem, _keyPem);
        var options = new WampClientOptions { Url = endpoint.Url, Realm = "realm1", CloseTimeout = TimeSpan.FromSeconds(2) };
        var thumbprint = _certificate.GetCertHashString(HashAlgorithmName.SHA256);
        options.WebSocket.ConfigureHandler = handler => handler.SslOptions.RemoteCertificateValidationCallback =
            (_, certificate, _, errors) => errors == SslPolicyErrors.None
                || (certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint);
        await using var client = new WampClient(options);

        var connect = client.ConnectAsync();
        await endpoint.AcceptAsync();
        await connect.Within();
        var call = client.CallAsync<string>("test.tls");
        await endpoint.ReceiveAsync("[48,1,");
        await endpoint.SendAsync("""[50,1,{},["over tls"]]""");

        Assert.Equal("over tls", await call.Within());
    }

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
