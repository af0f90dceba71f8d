namespace Wampy.Messages;

/// <summary>CHALLENGE: The router asks the client to authenticate: <c>[CHALLENGE, AuthMethod|string, Extra|dict]</c>.</summary>
/// <param name="AuthMethod">The authentication method the router chose.</param>
/// <param name="Extra">Method-specific data, e.g. the WAMP-CRA challenge string.</param>
public sealed record ChallengeMessage(
    string AuthMethod,
    IReadOnlyDictionary<string, object?> Extra) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Challenge;
}
