namespace Wampy.Router;

/// <summary>
/// TLS for the router's endpoints: with a certificate, the WebSocket endpoint serves <c>wss://</c> and the RawSocket
/// endpoint <c>tls://</c>. Without one (the default), both are plain.
/// </summary>
public sealed class WampRouterTlsOptions
{
    /// <summary>The server certificate: a PEM file (with <see cref="KeyPath"/>) or a PFX/PKCS#12 file (with <see cref="Password"/>).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="CertificatePath"/>, when the certificate is PEM.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PFX password, when the certificate is PFX. A secret: never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Whether TLS is configured.</summary>
    public bool Enabled => !string.IsNullOrEmpty(CertificatePath);
}
