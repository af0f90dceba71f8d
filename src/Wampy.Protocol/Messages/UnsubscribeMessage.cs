namespace Wampy.Messages;

/// <summary>UNSUBSCRIBE: A subscriber ends a subscription: <c>[UNSUBSCRIBE, Request|id, SUBSCRIBED.Subscription|id]</c>.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="SubscriptionId">The subscription to end.</param>
public sealed record UnsubscribeMessage(
    long RequestId,
    long SubscriptionId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Unsubscribe;
}
