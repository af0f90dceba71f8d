namespace Wampy.Messages;

/// <summary>SUBSCRIBE: A subscriber asks for events: <c>[SUBSCRIBE, Request|id, Options|dict, Topic|uri]</c>.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="Options">Subscribe options (match, get_retained, ...).</param>
/// <param name="Topic">The topic URI or pattern.</param>
public sealed record SubscribeMessage(
    long RequestId,
    IReadOnlyDictionary<string, object?> Options,
    string Topic) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Subscribe;
}
