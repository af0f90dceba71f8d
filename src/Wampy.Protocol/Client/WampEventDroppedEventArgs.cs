namespace Wampy;

/// <summary>An event was dropped because its subscription's queue was full (<see cref="WampClientOptions.EventQueueCapacity"/>): the handlers are slower than the publishers.</summary>
/// <param name="topic">The subscription's topic.</param>
/// <param name="publicationId">The dropped publication.</param>
public sealed class WampEventDroppedEventArgs(string topic, long publicationId) : EventArgs
{
    /// <summary>The subscription's topic (the pattern for pattern subscriptions).</summary>
    public string Topic { get; } = topic;

    /// <summary>The id of the dropped publication.</summary>
    public long PublicationId { get; } = publicationId;
}
