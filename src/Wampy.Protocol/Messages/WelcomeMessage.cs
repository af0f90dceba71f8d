namespace Wampy.Messages;

/// <summary>WELCOME: The router accepts the session: <c>[WELCOME, Session|id, Details|dict]</c>.</summary>
/// <param name="SessionId">The session id the router assigned.</param>
/// <param name="Details">Router roles, features and the authentication outcome (authid, authrole, authmethod).</param>
public sealed record WelcomeMessage(
    long SessionId,
    IReadOnlyDictionary<string, object?> Details) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Welcome;
}
