namespace Wampy.Messages;

/// <summary>INTERRUPT: The dealer asks a callee to stop an invocation: <c>[INTERRUPT, INVOCATION.Request|id, Options|dict]</c>.</summary>
/// <param name="RequestId">The id of the INVOCATION to stop.</param>
/// <param name="Options">Interrupt options (mode, reason).</param>
public sealed record InterruptMessage(
    long RequestId,
    IReadOnlyDictionary<string, object?> Options) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Interrupt;
}
