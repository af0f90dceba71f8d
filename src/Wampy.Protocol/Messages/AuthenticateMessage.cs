namespace Wampy.Messages;

/// <summary>AUTHENTICATE: The client answers a challenge: <c>[AUTHENTICATE, Signature|string, Extra|dict]</c>.</summary>
/// <param name="Signature">The signature or ticket.</param>
/// <param name="Extra">Method-specific extra data.</param>
public sealed record AuthenticateMessage(
    string Signature,
    IReadOnlyDictionary<string, object?> Extra) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Authenticate;
}
