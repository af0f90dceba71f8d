using Wampy.Router.Matching;

namespace Wampy.Router.Tests;

/// <summary>The indexed pattern table finds what a scan of every pattern would, with many patterns and after removals.</summary>
public class UriPatternTableTests
{
    [Fact]
    public void The_longest_prefix_wins_among_many_and_removals_are_forgotten()
    {
        var table = new UriPatternTable<string>();
        for (var i = 0; i < 10_000; i++)
        {
            table.Add($"com.tenant{i}.", WampMatch.Prefix, $"tenant{i}");
        }

        table.Add("com.tenant7.api.", WampMatch.Prefix, "api");
        table.Add("com.tenant7.api.orders.list", WampMatch.Exact, "exact");
        table.Add("com.tenant7..list", WampMatch.Wildcard, "wildcard");
        table.Add("com...list", WampMatch.Wildcard, "wide");

        Assert.Equal("exact", table.MatchBest("com.tenant7.api.orders.list"));
        Assert.Equal("api", table.MatchBest("com.tenant7.api.orders.get"));
        Assert.Equal("tenant7", table.MatchBest("com.tenant7.other"));
        Assert.Null(table.MatchBest("org.nobody"));
        Assert.Equal("tenant77", table.MatchBest("com.tenant77.x")); // a longer prefix, not tenant7's

        var all = new List<string>();
        table.MatchAll("com.tenant7.api.list", all);
        Assert.Equal(["api", "tenant7", "wide", "wildcard"], all.Order(StringComparer.Ordinal));

        table.Remove("com.tenant7.api.", WampMatch.Prefix);
        table.Remove("com.tenant7.", WampMatch.Prefix);
        Assert.Equal("wildcard", table.MatchBest("com.tenant7.api.list"));
        table.Remove("com.tenant7..list", WampMatch.Wildcard);
        Assert.Equal("wide", table.MatchBest("com.tenant7.api.list"));
        Assert.Null(table.MatchBest("com.tenant7.api.orders.get"));
    }
}
