using Wampy.Payload;

namespace Wampy;

/// <summary>Options of one subscription.</summary>
public sealed class SubscribeOptions
{
    /// <summary>How the topic matches (<c>match</c>): exact (default), prefix or wildcard. The handler sees the actual topic in <see cref="WampEvent.Topic"/>.</summary>
    public WampMatch Match { get; set; }

    /// <summary>Ask the broker for the events retained on matching topics right after subscribing (<c>get_retained</c>).</summary>
    public bool GetRetained { get; set; }

    /// <summary>Further SUBSCRIBE options sent as-is (for router extensions).</summary>
    public IReadOnlyDictionary<string, object?>? AdditionalOptions { get; set; }

    internal IReadOnlyDictionary<string, object?> ToWire()
    {
        var options = new WampOptionsBuilder(AdditionalOptions);
        options.AddIf(Match != WampMatch.Exact, "match", Match.ToWire());
        options.AddIf(GetRetained, "get_retained", true);
        return options.Build();
    }
}
