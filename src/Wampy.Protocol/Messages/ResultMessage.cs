using Wampy.Payload;

namespace Wampy.Messages;

/// <summary>RESULT: The dealer returns a result: <c>[RESULT, CALL.Request|id, Details|dict, Arguments|list, ArgumentsKw|dict]</c>.</summary>
/// <param name="RequestId">The id of the CALL.</param>
/// <param name="Details">Result details (progress, ...).</param>
/// <param name="Arguments">Positional arguments, or <see langword="null"/>.</param>
/// <param name="ArgumentsKw">Keyword arguments, or <see langword="null"/>.</param>
public sealed record ResultMessage(
    long RequestId,
    IReadOnlyDictionary<string, object?> Details,
    WampArguments? Arguments = null,
    WampKeywordArguments? ArgumentsKw = null) : WampMessage, IWampPayloadMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Result;

    /// <inheritdoc />
    public byte[]? Payload { get; init; }
}
