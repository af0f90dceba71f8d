using Wampy.Payload;

namespace Wampy.Messages;

/// <summary>ERROR: A request failed: <c>[ERROR, REQUEST.Type|int, REQUEST.Request|id, Details|dict, Error|uri, Arguments|list, ArgumentsKw|dict]</c>.</summary>
/// <param name="RequestType">The type of the request that failed (CALL, INVOCATION, SUBSCRIBE, ...).</param>
/// <param name="RequestId">The id of the request that failed.</param>
/// <param name="Details">Error details.</param>
/// <param name="Error">The error URI.</param>
/// <param name="Arguments">Positional arguments, or <see langword="null"/>.</param>
/// <param name="ArgumentsKw">Keyword arguments, or <see langword="null"/>.</param>
public sealed record ErrorMessage(
    WampMessageType RequestType,
    long RequestId,
    IReadOnlyDictionary<string, object?> Details,
    string Error,
    WampArguments? Arguments = null,
    WampKeywordArguments? ArgumentsKw = null) : WampMessage, IWampPayloadMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Error;

    /// <inheritdoc />
    public byte[]? Payload { get; init; }
}
