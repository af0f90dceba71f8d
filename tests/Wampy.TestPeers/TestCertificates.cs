using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wampy.TestPeers;

/// <summary>Self-signed certificates made per test, written as PEM files for the TLS endpoint, deleted afterwards.</summary>
public sealed class TestCertificates : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wampy-tls-").FullName;

    /// <summary>A server certificate for 127.0.0.1 (also usable as its own root), with PEM files.</summary>
    public (X509Certificate2 Certificate, string CertificatePem, string KeyPem) CreateServer() => Create("CN=127.0.0.1", server: true);

    /// <summary>A client certificate with the given common name, with PEM files.</summary>
    public (X509Certificate2 Certificate, string CertificatePem, string KeyPem) CreateClient(string commonName) => Create($"CN={commonName}", server: false);

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (X509Certificate2, string, string) Create(string subject, bool server)
    {
        using var key = RSA.Create(2048);
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

        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var name = Guid.NewGuid().ToString("N");
        var certificatePem = Path.Combine(_directory, name + ".pem");
        var keyPem = Path.Combine(_directory, name + ".key");
        File.WriteAllText(certificatePem, certificate.ExportCertificatePem());
        File.WriteAllText(keyPem, key.ExportPkcs8PrivateKeyPem());
        return (certificate, certificatePem, keyPem);
    }
}
