namespace Wampy.Messages;

/// <summary>GOODBYE: Either side closes the session: <c>[GOODBYE, Details|dict, Reason|uri]</c>.</summary>
/// <param name="Details">Details, often a <c>message</c>.</param>
/// <param name="Reason">The reason URI, e.g. <c>wamp.close.normal</c>.</param>
public sealed record GoodbyeMessage(
    IReadOnlyDictionary<string, object?> Details,
    string Reason) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Goodbye;
}
