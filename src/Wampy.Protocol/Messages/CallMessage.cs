using Wampy.Payload;

namespace Wampy.Messages;

/// <summary>CALL: A caller calls a procedure: <c>[CALL, Request|id, Options|dict, Procedure|uri, Arguments|list, ArgumentsKw|dict]</c>.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="Options">Call options (timeout, receive_progress, disclose_me, ...).</param>
/// <param name="Procedure">The procedure URI.</param>
/// <param name="Arguments">Positional arguments, or <see langword="null"/>.</param>
/// <param name="ArgumentsKw">Keyword arguments, or <see langword="null"/>.</param>
public sealed record CallMessage(
    long RequestId,
    IReadOnlyDictionary<string, object?> Options,
    string Procedure,
    WampArguments? Arguments = null,
    WampKeywordArguments? ArgumentsKw = null) : WampMessage, IWampPayloadMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Call;

    /// <inheritdoc />
    public byte[]? Payload { get; init; }
}
