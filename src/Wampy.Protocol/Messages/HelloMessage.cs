namespace Wampy.Messages;

/// <summary>HELLO: A client asks to join a realm: <c>[HELLO, Realm|uri, Details|dict]</c>.</summary>
/// <param name="Realm">The realm to join.</param>
/// <param name="Details">Roles, features, agent and authentication details announced by the client.</param>
public sealed record HelloMessage(
    string Realm,
    IReadOnlyDictionary<string, object?> Details) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Hello;
}
