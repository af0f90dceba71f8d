using System.Security.Cryptography.X509Certificates;

namespace Wampy.Transports;

/// <summary>
/// TLS settings for <c>wss://</c> and <c>tls://</c> (<c>Wampy:Tls</c> in configuration). By default the router's
/// certificate is validated against the system's trusted roots, host name included. Files named here are read at
/// each connection; certificates added in code are used as they are.
/// </summary>
public sealed class WampTlsOptions
{
    /// <summary>PEM files of private certificate authorities to trust in place of the system roots.</summary>
    public IList<string> CaCertificatePaths { get; set; } = [];

    /// <summary>
    /// Certificate authorities to trust in place of the system roots (with <see cref="CaCertificatePaths"/>):
    /// when set, the router's chain must end in one of these (a private CA). The host name is still checked.
    /// </summary>
    public X509Certificate2Collection TrustedRootCertificates { get; } = [];

    /// <summary>A client certificate: a PEM certificate file (with <see cref="ClientCertificateKeyPath"/>) or a PFX/P12 file.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="ClientCertificatePath"/>, when it is a PEM certificate.</summary>
    public string? ClientCertificateKeyPath { get; set; }

    /// <summary>The password of a PFX client certificate. A secret: never logged.</summary>
    public string? ClientCertificatePassword { get; set; }

    /// <summary>Client certificates (with private keys) offered to a router that asks for one.</summary>
    public X509Certificate2Collection ClientCertificates { get; } = [];

    /// <summary>
    /// SHA-256 thumbprints (hex, colons allowed) of router certificates to accept: when set, the router's
    /// certificate must be one of them, and the pin replaces chain validation (a pinned self-signed certificate is accepted).
    /// </summary>
    public IList<string> PinnedCertificateSha256 { get; set; } = [];

    /// <summary>
    /// Accept any certificate. For development only: it makes TLS useless against an attacker, and Wampy logs a
    /// warning at every connection while it is on. Default <see langword="false"/>.
    /// </summary>
    public bool AllowUntrustedCertificates { get; set; }

    /// <summary>The trusted roots: those added in code and those read from <see cref="CaCertificatePaths"/>.</summary>
    internal X509Certificate2Collection ResolveTrustedRoots()
    {
        if (CaCertificatePaths.Count == 0)
        {
            return TrustedRootCertificates;
        }

        var roots = new X509Certificate2Collection(TrustedRootCertificates);
        foreach (var path in CaCertificatePaths)
        {
            roots.ImportFromPemFile(path);
        }

        return roots;
    }

    /// <summary>The client certificates: those added in code and the one read from <see cref="ClientCertificatePath"/>.</summary>
    internal X509Certificate2Collection ResolveClientCertificates()
    {
        if (ClientCertificatePath is not { Length: > 0 } path)
        {
            return ClientCertificates;
        }

        var certificates = new X509Certificate2Collection(ClientCertificates);
        certificates.Add(path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, ClientCertificatePassword)
            : X509Certificate2.CreateFromPemFile(path, ClientCertificateKeyPath));
        return certificates;
    }
}
