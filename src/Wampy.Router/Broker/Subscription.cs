using Wampy.Router.Matching;
using Wampy.Router.Sessions;

namespace Wampy.Router.Broker;

/// <summary>A topic (or pattern) and its subscribers; guarded by the realm's lock.</summary>
internal sealed class Subscription(long id, string uri, WampMatch match)
{
    public long Id { get; } = id;

    public string Uri { get; } = uri;

    public WampMatch Match { get; } = match;

    public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;

    public List<RouterSession> Subscribers { get; } = [];

    public Dictionary<string, object?> Describe() => new()
    {
        ["id"] = Id,
        ["created"] = Created.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["uri"] = Uri,
        ["match"] = Match.ToWire(),
    };
}
