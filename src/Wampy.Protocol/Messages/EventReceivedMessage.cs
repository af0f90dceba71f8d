namespace Wampy.Messages;

/// <summary>EVENT_RECEIVED: A subscriber acknowledges an event (provisional): <c>[EVENT_RECEIVED, EVENT.Publication|id]</c>.</summary>
/// <param name="PublicationId">The acknowledged publication.</param>
public sealed record EventReceivedMessage(
    long PublicationId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.EventReceived;
}
