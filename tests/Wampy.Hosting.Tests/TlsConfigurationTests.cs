using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Wampy.TestPeers;

namespace Wampy.Hosting.Tests;

/// <summary><c>Wampy:Tls</c> from files, as an operator configures it: a private CA and a PEM client certificate.</summary>
public sealed class TlsConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wampy-hosting-tls-").FullName;

    [Fact]
    public async Task A_private_ca_and_a_pem_client_certificate_from_files_are_used()
    {
        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var server = serverRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var serverPem = Write("server.pem", server.ExportCertificatePem());
        var serverKeyPem = Write("server.key", serverKey.ExportPkcs8PrivateKeyPem());

        using var clientKey = RSA.Create(2048);
        var clientRequest = new CertificateRequest("CN=worker-7", clientKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        clientRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var client = clientRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var clientPem = Write("client.pem", client.ExportCertificatePem());
        var clientKeyPem = Write("client.key", clientKey.ExportPkcs8PrivateKeyPem());

        await using var endpoint = await ScriptedEndpoint.StartTlsAsync(serverPem, serverKeyPem);
        await using var worker = WorkerHost.Build(endpoint.Url, o =>
        {
            o.Tls.CaCertificatePaths = [serverPem];
            o.Tls.ClientCertificatePath = clientPem;
            o.Tls.ClientCertificateKeyPath = clientKeyPem;
            o.ShutdownTimeout = TimeSpan.FromSeconds(1);
        }, handlers: _ => { });
        await worker.Host.StartAsync().Within();

        Assert.Equal("worker-7", await endpoint.ClientCertificateAsync());
        await endpoint.AcceptAsync();
        await worker.Client.WaitUntilJoinedAsync().Within();
        Assert.Equal(WampSessionState.Established, worker.Client.State);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
