namespace Wampy.Hosting;

/// <summary>
/// TLS settings for <c>wss://</c> (<c>Wampy:Tls</c>). The router's certificate is validated against the system's
/// trusted roots unless these settings say otherwise.
/// </summary>
public sealed class WampyTlsOptions
{
    /// <summary>PEM files of private certificate authorities to trust in place of the system roots.</summary>
    public IList<string> CaCertificatePaths { get; set; } = [];

    /// <summary>A client certificate: a PEM certificate file (with <see cref="ClientCertificateKeyPath"/>) or a PFX file.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="ClientCertificatePath"/>, when it is a PEM certificate.</summary>
    public string? ClientCertificateKeyPath { get; set; }

    /// <summary>The password of a PFX client certificate. A secret.</summary>
    public string? ClientCertificatePassword { get; set; }

    /// <summary>SHA-256 thumbprints (hex) of the router certificates to accept; when set they replace chain validation.</summary>
    public IList<string> PinnedCertificateSha256 { get; set; } = [];

    /// <summary>Accept any certificate: development only; a warning is logged at every connection. Default <see langword="false"/>.</summary>
    public bool AllowUntrustedCertificates { get; set; }
}
