using Wampy.Payload;

namespace Wampy.Messages;

/// <summary>PUBLISH: A publisher sends an event: <c>[PUBLISH, Request|id, Options|dict, Topic|uri, Arguments|list, ArgumentsKw|dict]</c>.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="Options">Publish options (acknowledge, exclude_me, ...).</param>
/// <param name="Topic">The topic URI.</param>
/// <param name="Arguments">Positional arguments, or <see langword="null"/>.</param>
/// <param name="ArgumentsKw">Keyword arguments, or <see langword="null"/>.</param>
public sealed record PublishMessage(
    long RequestId,
    IReadOnlyDictionary<string, object?> Options,
    string Topic,
    WampArguments? Arguments = null,
    WampKeywordArguments? ArgumentsKw = null) : WampMessage, IWampPayloadMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Publish;

    /// <inheritdoc />
    public byte[]? Payload { get; init; }
}
