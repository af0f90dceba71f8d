using System.Security.Cryptography.X509Certificates;

namespace Wampy.Transports;

/// <summary>
/// TLS settings for <c>wss://</c> (and later <c>tls://</c>). By default the router's certificate is validated
/// against the system's trusted roots, host name included.
/// </summary>
public sealed class WampTlsOptions
{
    /// <summary>
    /// Certificate authorities to trust in place of the system roots: when set, the router's
    /// chain must end in one of these (a private CA). The host name is still checked.
    /// </summary>
    public X509Certificate2Collection TrustedRootCertificates { get; } = [];

    /// <summary>Client certificates (with private keys) offered to a router that asks for one.</summary>
    public X509Certificate2Collection ClientCertificates { get; } = [];

    /// <summary>
    /// SHA-256 thumbprints (hex) of router certificates to accept: when set, the router's certificate must be one
    /// of them, and the pin replaces chain validation (a pinned self-signed certificate is accepted).
    /// </summary>
    public IList<string> PinnedCertificateSha256 { get; } = [];

    /// <summary>
    /// Accept any certificate. For development only: it makes TLS useless against an attacker, and Wampy logs a
    /// warning at every connection while it is on. Default <see langword="false"/>.
    /// </summary>
    public bool AllowUntrustedCertificates { get; set; }
}
