using Wampy;

namespace WorkerService.Handlers;

/// <summary>wampy's example subscriber: logs every event of topic "foo".</summary>
public sealed partial class SubscribingService(ILogger<SubscribingService> logger)
{
    /// <summary>Receives events published to "foo".</summary>
    [WampTopic("foo")]
    public void OnFoo(string message, WampEvent details) => LogEvent(logger, message, details.PublicationId);

    [LoggerMessage(LogLevel.Information, "Event on 'foo': {Message} (publication {PublicationId})")]
    private static partial void LogEvent(ILogger logger, string message, long publicationId);
}
