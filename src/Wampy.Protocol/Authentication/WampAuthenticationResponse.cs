namespace Wampy.Authentication;

/// <summary>What an authenticator sends in AUTHENTICATE.</summary>
/// <param name="Signature">The signature, or the ticket itself for ticket authentication.</param>
/// <param name="Extra">Extra data for the router, or <see langword="null"/>.</param>
public sealed record WampAuthenticationResponse(string Signature, IReadOnlyDictionary<string, object?>? Extra = null)
{
    /// <summary>Hides the signature: it may be a secret ticket.</summary>
    /// <returns>A description without the secret.</returns>
    public override string ToString() => "WampAuthenticationResponse { Signature = *** }";
}
