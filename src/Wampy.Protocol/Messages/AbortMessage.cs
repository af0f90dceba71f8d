namespace Wampy.Messages;

/// <summary>ABORT: A session is refused or torn down: <c>[ABORT, Details|dict, Reason|uri]</c>.</summary>
/// <param name="Details">Details, often a <c>message</c> explaining the reason.</param>
/// <param name="Reason">The reason URI, e.g. <c>wamp.error.no_such_realm</c>.</param>
public sealed record AbortMessage(
    IReadOnlyDictionary<string, object?> Details,
    string Reason) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Abort;
}
