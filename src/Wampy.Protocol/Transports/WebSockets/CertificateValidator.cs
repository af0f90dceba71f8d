using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wampy.Transports.WebSockets;

/// <summary>
/// Validates the router's certificate per <see cref="WampTlsOptions"/> and remembers why it refused one, so that
/// the connection error can say so.
/// </summary>
internal sealed class CertificateValidator(WampTlsOptions options)
{
    private readonly X509Certificate2Collection _roots = options.ResolveTrustedRoots();

    /// <summary>Why the last certificate was refused, or <see langword="null"/>.</summary>
    public string? Refusal { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (options.AllowUntrustedCertificates)
        {
            return true;
        }

        if (certificate is null)
        {
            Refusal = "the router sent no certificate";
            return false;
        }

        if (options.PinnedCertificateSha256.Count > 0)
        {
            var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
            foreach (var pin in options.PinnedCertificateSha256)
            {
                if (string.Equals(pin.Replace(":", string.Empty, StringComparison.Ordinal), thumbprint, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            Refusal = $"its SHA-256 thumbprint {thumbprint} matches no pinned thumbprint";
            return false;
        }

        if (errors == SslPolicyErrors.RemoteCertificateChainErrors && _roots.Count > 0)
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(_roots);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var leaf = new X509Certificate2(certificate);
            if (custom.Build(leaf))
            {
                return true;
            }

            Refusal = $"its chain does not end in a trusted root certificate ({Describe(custom)})";
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        Refusal = errors switch
        {
            SslPolicyErrors.RemoteCertificateNameMismatch => "its name does not match the host",
            SslPolicyErrors.RemoteCertificateChainErrors => $"it is not trusted ({Describe(chain)})",
            _ => errors.ToString(),
        };
        return false;
    }

    private static string Describe(X509Chain? chain)
    {
        if (chain is null || chain.ChainStatus.Length == 0)
        {
            return "untrusted chain";
        }

        return string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
    }
}
