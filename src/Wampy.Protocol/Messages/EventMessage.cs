using Wampy.Payload;

namespace Wampy.Messages;

/// <summary>EVENT: The broker delivers an event: <c>[EVENT, SUBSCRIBED.Subscription|id, PUBLISHED.Publication|id, Details|dict, Arguments|list, ArgumentsKw|dict]</c>.</summary>
/// <param name="SubscriptionId">The subscription the event matched.</param>
/// <param name="PublicationId">The publication id.</param>
/// <param name="Details">Event details (publisher, topic for pattern subscriptions, ...).</param>
/// <param name="Arguments">Positional arguments, or <see langword="null"/>.</param>
/// <param name="ArgumentsKw">Keyword arguments, or <see langword="null"/>.</param>
public sealed record EventMessage(
    long SubscriptionId,
    long PublicationId,
    IReadOnlyDictionary<string, object?> Details,
    WampArguments? Arguments = null,
    WampKeywordArguments? ArgumentsKw = null) : WampMessage, IWampPayloadMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Event;

    /// <inheritdoc />
    public byte[]? Payload { get; init; }
}
