using Wampy.Router.Matching;
using Wampy.Router.Sessions;

namespace Wampy.Router.Dealer;

/// <summary>A procedure (or pattern) and the callees that provide it; guarded by the realm's lock.</summary>
internal sealed class Registration(long id, string uri, WampMatch match, WampInvocationPolicy invoke)
{
    private int _next;

    public long Id { get; } = id;

    public string Uri { get; } = uri;

    public WampMatch Match { get; } = match;

    public WampInvocationPolicy Invoke { get; } = invoke;

    public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;

    /// <summary>The callees in registration order, each with whether it asked to see the caller.</summary>
    public List<(RouterSession Session, bool DiscloseCaller)> Callees { get; } = [];

    public (RouterSession Session, bool DiscloseCaller) Pick() => Invoke switch
    {
        WampInvocationPolicy.RoundRobin => Callees[_next++ % Callees.Count],
        WampInvocationPolicy.Random => Callees[System.Random.Shared.Next(Callees.Count)],
        WampInvocationPolicy.Last => Callees[^1],
        _ => Callees[0],
    };

    public bool Remove(RouterSession session)
    {
        var index = Callees.FindIndex(c => c.Session == session);
        if (index < 0)
        {
            return false;
        }

        Callees.RemoveAt(index);
        return true;
    }

    public Dictionary<string, object?> Describe() => new()
    {
        ["id"] = Id,
        ["created"] = Created.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["uri"] = Uri,
        ["match"] = Match.ToWire(),
        ["invoke"] = Invoke.ToWire(),
    };
}
