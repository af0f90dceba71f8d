using Wampy;

namespace WorkerService.Handlers;

/// <summary>wampy's example subscriber: logs every event of topic "foo".</summary>
public sealed partial class SubscribingService(ILogger<SubscribingService> logger)
{
    /// <summary>Receives events published to "foo".</summary>
    [WampTopic("foo")]
    public void OnFoo(string message, WampEvent details)
    {
        // DemoJob sends a RoundReport as keyword arguments; other publishers may send none.
        var round = details.ArgumentsKw.Count > 0 ? details.ArgumentsKw.As<RoundReport>().Round : (int?)null;
        LogEvent(logger, message, details.PublicationId, round);
    }

    [LoggerMessage(LogLevel.Information, "Event on 'foo': {Message} (publication {PublicationId}, round {Round})")]
    private static partial void LogEvent(ILogger logger, string message, long publicationId, int? round);
}
