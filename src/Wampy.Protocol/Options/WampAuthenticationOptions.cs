namespace Wampy;

/// <summary>
/// How the client authenticates (<c>Wampy:Authentication</c> in configuration); anonymous when <see cref="Method"/> is empty
/// and no custom authenticator is added to <see cref="WampClientOptions.Authenticators"/>. Keep secrets out of appsettings.json: bind them from
/// environment variables, user secrets or a secret store (see the docs). They never appear in logs, exceptions
/// or <see cref="ToString"/>.
/// </summary>
public sealed class WampAuthenticationOptions
{
    /// <summary>The method: <c>anonymous</c> (default when empty), <c>ticket</c>, <c>wampcra</c> or <c>cryptosign</c>.</summary>
    public string? Method { get; set; }

    /// <summary>The authid announced in HELLO (required by most routers for ticket, wampcra and cryptosign).</summary>
    public string? AuthId { get; set; }

    /// <summary>The authrole requested in HELLO.</summary>
    public string? AuthRole { get; set; }

    /// <summary>The ticket for <c>ticket</c> authentication. A secret.</summary>
    public string? Ticket { get; set; }

    /// <summary>The shared secret for <c>wampcra</c> (salted or not; the router decides). A secret.</summary>
    public string? Secret { get; set; }

    /// <summary>The Ed25519 private key seed for <c>cryptosign</c>, 64 hex characters. A secret.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>A file holding the <c>cryptosign</c> private key: OpenSSH (unencrypted), 64 hex characters or 32 raw bytes.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>The authenticator for <see cref="Method"/>, or <see langword="null"/> for anonymous.</summary>
    internal Authentication.IWampAuthenticator? CreateAuthenticator() => Method?.ToLowerInvariant() switch
    {
        null or "" or "anonymous" => null,
        "ticket" => new Authentication.TicketAuthenticator(Ticket ?? throw new InvalidOperationException("Authentication:Ticket is required for ticket authentication.")),
        "wampcra" => new Authentication.WampCraAuthenticator(Secret ?? throw new InvalidOperationException("Authentication:Secret is required for wampcra authentication.")),
        "cryptosign" when !string.IsNullOrEmpty(PrivateKey) => Cryptosign("FromHexSeed", PrivateKey),
        "cryptosign" when !string.IsNullOrEmpty(PrivateKeyFile) => Cryptosign("FromFile", PrivateKeyFile),
        "cryptosign" => throw new InvalidOperationException("Authentication:PrivateKey or Authentication:PrivateKeyFile is required for cryptosign authentication."),
        var other => throw new InvalidOperationException($"Authentication:Method '{other}' is not one of anonymous, ticket, wampcra, cryptosign."),
    };

    /// <summary>The assembly-qualified name of the cryptosign authenticator, in the optional Wampy.Cryptosign package.</summary>
    internal const string CryptosignType = "Wampy.Authentication.CryptosignAuthenticator, Wampy.Cryptosign";

    /// <summary>Whether the Wampy.Cryptosign package is there (cryptosign needs it: it brings NSec and native libsodium).</summary>
    internal static bool CryptosignAvailable => Type.GetType(CryptosignType) is not null;

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2057", Justification = "Wampy.Cryptosign roots its factory methods.")]
    private static Authentication.IWampAuthenticator Cryptosign(string factory, string argument)
    {
        var type = Type.GetType(CryptosignType) ?? throw new InvalidOperationException(
            "Authentication:Method 'cryptosign' needs the Wampy.Cryptosign package (it brings NSec and native libsodium): add it to the project.");
        return (Authentication.IWampAuthenticator)type.GetMethod(factory, [typeof(string)])!.Invoke(null, [argument])!;
    }

    /// <summary>Hides the secrets.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() =>
        $"WampAuthenticationOptions {{ Method = {Method ?? "anonymous"}, AuthId = {AuthId}, AuthRole = {AuthRole}, Ticket = {Hide(Ticket)}, Secret = {Hide(Secret)}, PrivateKey = {Hide(PrivateKey)}, PrivateKeyFile = {PrivateKeyFile} }}";

    private static string Hide(string? secret) => secret is null ? "(none)" : "***";
}
