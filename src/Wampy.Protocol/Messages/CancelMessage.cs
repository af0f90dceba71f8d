namespace Wampy.Messages;

/// <summary>CANCEL: A caller cancels a call: <c>[CANCEL, CALL.Request|id, Options|dict]</c>.</summary>
/// <param name="RequestId">The id of the CALL to cancel.</param>
/// <param name="Options">Cancel options (mode).</param>
public sealed record CancelMessage(
    long RequestId,
    IReadOnlyDictionary<string, object?> Options) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Cancel;
}
