using Wampy.Payload;

namespace Wampy.Messages;

/// <summary>YIELD: A callee returns a result: <c>[YIELD, INVOCATION.Request|id, Options|dict, Arguments|list, ArgumentsKw|dict]</c>.</summary>
/// <param name="RequestId">The id of the INVOCATION.</param>
/// <param name="Options">Yield options (progress, ...).</param>
/// <param name="Arguments">Positional arguments, or <see langword="null"/>.</param>
/// <param name="ArgumentsKw">Keyword arguments, or <see langword="null"/>.</param>
public sealed record YieldMessage(
    long RequestId,
    IReadOnlyDictionary<string, object?> Options,
    WampArguments? Arguments = null,
    WampKeywordArguments? ArgumentsKw = null) : WampMessage, IWampPayloadMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Yield;

    /// <inheritdoc />
    public byte[]? Payload { get; init; }
}
