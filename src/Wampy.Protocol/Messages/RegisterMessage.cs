namespace Wampy.Messages;

/// <summary>REGISTER: A callee offers a procedure: <c>[REGISTER, Request|id, Options|dict, Procedure|uri]</c>.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="Options">Register options (match, invoke, ...).</param>
/// <param name="Procedure">The procedure URI or pattern.</param>
public sealed record RegisterMessage(
    long RequestId,
    IReadOnlyDictionary<string, object?> Options,
    string Procedure) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Register;
}
