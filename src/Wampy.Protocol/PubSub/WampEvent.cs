using Wampy.Messages;
using Wampy.Payload;

namespace Wampy;

/// <summary>One event received on a subscription.</summary>
public sealed class WampEvent
{
    internal WampEvent(EventMessage message, string subscribedTopic)
    {
        SubscriptionId = message.SubscriptionId;
        PublicationId = message.PublicationId;
        Details = message.Details;
        Arguments = message.Arguments ?? WampArguments.Empty;
        ArgumentsKw = message.ArgumentsKw ?? WampKeywordArguments.Empty;
        Topic = message.Details.GetString("topic") ?? subscribedTopic;
    }

    /// <summary>The subscription the event matched.</summary>
    public long SubscriptionId { get; }

    /// <summary>The publication id.</summary>
    public long PublicationId { get; }

    /// <summary>The topic (the actual URI when the subscription is a pattern and the router says so).</summary>
    public string Topic { get; }

    /// <summary>Positional arguments (empty when there are none).</summary>
    public WampArguments Arguments { get; }

    /// <summary>Keyword arguments (empty when there are none).</summary>
    public WampKeywordArguments ArgumentsKw { get; }

    /// <summary>EVENT details as sent by the router.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>The publisher's session id, when disclosed.</summary>
    public long? PublisherSessionId => Details.GetInt64("publisher");

    /// <summary>The publisher's authid, when disclosed.</summary>
    public string? PublisherAuthId => Details.GetString("publisher_authid");

    /// <summary>The publisher's authrole, when disclosed.</summary>
    public string? PublisherAuthRole => Details.GetString("publisher_authrole");
}
