namespace Wampy.Messages;

/// <summary>SUBSCRIBED: The broker confirms a subscription: <c>[SUBSCRIBED, SUBSCRIBE.Request|id, Subscription|id]</c>.</summary>
/// <param name="RequestId">The id of the SUBSCRIBE request.</param>
/// <param name="SubscriptionId">The subscription id.</param>
public sealed record SubscribedMessage(
    long RequestId,
    long SubscriptionId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Subscribed;
}
