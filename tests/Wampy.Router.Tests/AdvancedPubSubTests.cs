using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>
/// Advanced Profile PubSub features of the router with Autobahn|JS publishers and subscribers. Where a test checks
/// that an event is not delivered, it publishes a marker afterwards: events of one publisher arrive in order, so
/// the marker arriving first proves the excluded event was not sent.
/// </summary>
public sealed class AdvancedPubSubTests(RouterFixture router) : IClassFixture<RouterFixture>
{
    [Fact]
    public async Task Publisher_is_excluded_by_default_and_included_with_exclude_me_false()
    {
        await using var peer = await router.AutobahnAsync();
        await peer.SubscribeAsync("com.ps.self");

        await peer.PublishAsync("com.ps.self", ["excluded"]);
        await peer.PublishAsync("com.ps.self", ["included"], options: new JsonObject { ["exclude_me"] = false });

        Assert.Equal("""["included"]""", (await peer.NextEventAsync())["args"]!.ToJsonString());
    }

    [Fact]
    public async Task Blacklisting_and_whitelisting_by_session_id()
    {
        await using var a = await router.AutobahnAsync();
        await using var b = await router.AutobahnAsync();
        await using var publisher = await router.AutobahnAsync();
        await a.SubscribeAsync("com.ps.lists");
        await b.SubscribeAsync("com.ps.lists");

        await publisher.PublishAsync("com.ps.lists", ["not for a"], options: new JsonObject { ["exclude"] = new JsonArray(a.SessionId) });
        await publisher.PublishAsync("com.ps.lists", ["only for a"], options: new JsonObject { ["eligible"] = new JsonArray(a.SessionId) });
        await publisher.PublishAsync("com.ps.lists", ["marker"]);

        Assert.Equal("""["only for a"]""", (await a.NextEventAsync())["args"]!.ToJsonString());
        Assert.Equal("""["marker"]""", (await a.NextEventAsync())["args"]!.ToJsonString());
        Assert.Equal("""["not for a"]""", (await b.NextEventAsync())["args"]!.ToJsonString());
        Assert.Equal("""["marker"]""", (await b.NextEventAsync())["args"]!.ToJsonString());
    }

    [Fact]
    public async Task Blacklisting_and_whitelisting_by_authid_and_authrole()
    {
        await using var subscriber = await router.AutobahnAsync();
        await using var publisher = await router.AutobahnAsync();
        await subscriber.SubscribeAsync("com.ps.auth_lists");

        await publisher.PublishAsync("com.ps.auth_lists", ["a"], options: new JsonObject { ["exclude_authid"] = new JsonArray(subscriber.AuthId) });
        await publisher.PublishAsync("com.ps.auth_lists", ["b"], options: new JsonObject { ["exclude_authrole"] = new JsonArray("anonymous") });
        await publisher.PublishAsync("com.ps.auth_lists", ["c"], options: new JsonObject { ["eligible_authrole"] = new JsonArray("admin") });
        await publisher.PublishAsync("com.ps.auth_lists", ["d"], options: new JsonObject { ["eligible_authid"] = new JsonArray(subscriber.AuthId) });

        Assert.Equal("""["d"]""", (await subscriber.NextEventAsync())["args"]!.ToJsonString());
    }

    [Theory]
    [InlineData("prefix", "com.ps.prefix.", "com.ps.prefix.a.b")]
    [InlineData("wildcard", "com.ps..status", "com.ps.device7.status")]
    public async Task Pattern_subscriptions_receive_matching_events_with_the_topic(string match, string pattern, string topic)
    {
        await using var subscriber = await router.AutobahnAsync();
        await using var publisher = await router.AutobahnAsync();
        await subscriber.SubscribeAsync(pattern, new JsonObject { ["match"] = match });

        await publisher.PublishAsync("com.ps.unrelated", ["no"]);
        await publisher.PublishAsync(topic, ["yes"]);

        var received = await subscriber.NextEventAsync();
        Assert.Equal("""["yes"]""", received["args"]!.ToJsonString());
        Assert.Equal(topic, received["details"]!["topic"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ten_thousand_events_to_a_prefix_subscription_arrive_complete_and_in_order()
    {
        await using var subscriber = await router.ClientAsync("msgpack");
        var received = new List<long>();
        var all = TaskTimeouts.Signal<bool>();
        await subscriber.SubscribeAsync("com.ps.bulk", (e, _) =>
        {
            received.Add(e.Arguments.Get<long>(0));
            if (received.Count == 10_000)
            {
                all.TrySetResult(true);
            }

            return ValueTask.CompletedTask;
        }, new SubscribeOptions { AdditionalOptions = new Dictionary<string, object?> { ["match"] = "prefix" } });
        await using var publisher = await router.ClientAsync("cbor");

        for (var i = 0; i < 10_000; i++)
        {
            await publisher.PublishAsync($"com.ps.bulk.t{i % 7}", [i]);
        }

        await all.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (long)i), received);
    }

    [Fact]
    public async Task Publisher_disclosure_shows_the_publisher()
    {
        await using var subscriber = await router.AutobahnAsync();
        await using var publisher = await router.AutobahnAsync();
        await subscriber.SubscribeAsync("com.ps.who");

        await publisher.PublishAsync("com.ps.who", ["hidden"]);
        await publisher.PublishAsync("com.ps.who", ["shown"], options: new JsonObject { ["disclose_me"] = true });

        Assert.Null((await subscriber.NextEventAsync())["details"]!["publisher"]);
        var shown = await subscriber.NextEventAsync();
        Assert.Equal(publisher.SessionId, shown["details"]!["publisher"]!.GetValue<long>());
        Assert.Equal(publisher.AuthId, shown["details"]!["publisher_authid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retained_event_is_delivered_to_a_late_subscriber_that_asks_for_it()
    {
        await using var publisher = await router.AutobahnAsync();
        await publisher.PublishAsync("com.ps.retained", ["first"], options: new JsonObject { ["retain"] = true });
        await publisher.PublishAsync("com.ps.retained", ["last"], options: new JsonObject { ["retain"] = true });
        await using var late = await router.AutobahnAsync();

        await late.SubscribeAsync("com.ps.retained", new JsonObject { ["get_retained"] = true });

        var received = await late.NextEventAsync();
        Assert.Equal("""["last"]""", received["args"]!.ToJsonString());
        Assert.True(received["details"]!["retained"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unsubscribed_session_receives_nothing_more()
    {
        await using var subscriber = await router.AutobahnAsync();
        await using var publisher = await router.AutobahnAsync();
        await subscriber.SubscribeAsync("com.ps.leaving");
        await subscriber.SubscribeAsync("com.ps.marker");

        await subscriber.UnsubscribeAsync("com.ps.leaving");
        await publisher.PublishAsync("com.ps.leaving", ["gone"]);
        await publisher.PublishAsync("com.ps.marker", ["marker"]);

        Assert.Equal("com.ps.marker", (await subscriber.NextEventAsync())["event"]!.GetValue<string>());
    }
}
