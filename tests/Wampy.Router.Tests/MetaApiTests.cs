using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>The session, registration and subscription meta API, used by Autobahn|JS peers. Each test uses its own router realm state.</summary>
public sealed class MetaApiTests : IAsyncLifetime
{
    private readonly RouterFixture _router = new();

    public Task InitializeAsync() => _router.InitializeAsync();

    public Task DisposeAsync() => _router.DisposeAsync();

    [Fact]
    public async Task Session_meta_procedures_describe_the_sessions()
    {
        await using var a = await _router.AutobahnAsync();
        await using var b = await _router.AutobahnAsync("msgpack");

        var count = await a.CallAsync("wamp.session.count");
        var list = await a.CallAsync("wamp.session.list");
        var details = await a.CallAsync("wamp.session.get", [b.SessionId]);
        var missing = await a.CallAsync("wamp.session.get", [1]);

        Assert.Equal(2, count["args"]![0]!.GetValue<long>());
        Assert.Equal(new[] { a.SessionId, b.SessionId }.Order(), list["args"]![0]!.AsArray().Select(n => n!.GetValue<long>()).Order());
        Assert.Equal(b.SessionId, details["args"]![0]!["session"]!.GetValue<long>());
        Assert.Equal("anonymous", details["args"]![0]!["authrole"]!.GetValue<string>());
        Assert.Equal("wamp.error.no_such_session", missing["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Session_join_and_leave_are_published()
    {
        await using var observer = await _router.AutobahnAsync();
        await observer.SubscribeAsync("wamp.session.on_join");
        await observer.SubscribeAsync("wamp.session.on_leave");

        var visitor = await _router.AutobahnAsync();
        var joined = await observer.NextEventAsync();
        await visitor.DisposeAsync();
        var left = await observer.NextEventAsync();

        Assert.Equal(visitor.SessionId, joined["args"]![0]!["session"]!.GetValue<long>());
        Assert.Equal(visitor.SessionId, left["args"]![0]!.GetValue<long>());
    }

    [Fact]
    public async Task Registration_meta_procedures_and_events()
    {
        await using var observer = await _router.AutobahnAsync();
        await observer.SubscribeAsync("wamp.registration.on_create");
        await using var callee = await _router.AutobahnAsync();

        var registration = await callee.RegisterAsync("com.meta.", "echo", new JsonObject { ["match"] = "prefix" });
        var created = await observer.NextEventAsync();

        Assert.True(created["args"]!.AsArray().Count == 2, created.ToJsonString());
        Assert.Equal(callee.SessionId, created["args"]![0]!.GetValue<long>());
        Assert.Equal("com.meta.", created["args"]![1]!["uri"]!.GetValue<string>());
        Assert.Equal(registration, (await observer.CallAsync("wamp.registration.lookup", ["com.meta.", new JsonObject { ["match"] = "prefix" }]))["args"]![0]!.GetValue<long>());
        // A null result reaches Autobahn|JS as a plain null, which the peer reports as no arguments.
        Assert.Empty((await observer.CallAsync("wamp.registration.lookup", ["com.meta."]))["args"]!.AsArray());
        Assert.Equal(registration, (await observer.CallAsync("wamp.registration.match", ["com.meta.anything"]))["args"]![0]!.GetValue<long>());
        Assert.Equal("prefix", (await observer.CallAsync("wamp.registration.get", [registration]))["args"]![0]!["match"]!.GetValue<string>());
        Assert.Equal($"[{callee.SessionId}]", (await observer.CallAsync("wamp.registration.list_callees", [registration]))["args"]![0]!.ToJsonString());
        Assert.Equal(1, (await observer.CallAsync("wamp.registration.count_callees", [registration]))["args"]![0]!.GetValue<long>());
        Assert.Equal($"[{registration}]", (await observer.CallAsync("wamp.registration.list"))["args"]![0]!["prefix"]!.ToJsonString());
        Assert.Equal("wamp.error.no_such_registration", (await observer.CallAsync("wamp.registration.get", [999_999]))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscription_meta_procedures_and_events()
    {
        await using var observer = await _router.AutobahnAsync();
        await observer.SubscribeAsync("wamp.subscription.on_subscribe");
        await using var a = await _router.AutobahnAsync();
        await using var b = await _router.AutobahnAsync();

        var subscription = await a.SubscribeAsync("com.meta.topic");
        await b.SubscribeAsync("com.meta.topic");
        var first = await NextAboutOthersAsync(observer);
        var second = await NextAboutOthersAsync(observer);

        Assert.Equal(a.SessionId, first["args"]![0]!.GetValue<long>());
        Assert.Equal(b.SessionId, second["args"]![0]!.GetValue<long>());
        Assert.Equal(subscription, (await observer.CallAsync("wamp.subscription.lookup", ["com.meta.topic"]))["args"]![0]!.GetValue<long>());
        Assert.Equal($"[{subscription}]", (await observer.CallAsync("wamp.subscription.match", ["com.meta.topic"]))["args"]![0]!.ToJsonString());
        Assert.Equal(2, (await observer.CallAsync("wamp.subscription.count_subscribers", [subscription]))["args"]![0]!.GetValue<long>());
        Assert.Equal("com.meta.topic", (await observer.CallAsync("wamp.subscription.get", [subscription]))["args"]![0]!["uri"]!.GetValue<string>());
    }

    // The observer's own subscription to the meta topic is itself announced; skip it.
    private static async Task<JsonObject> NextAboutOthersAsync(AutobahnPeer observer)
    {
        while (true)
        {
            var received = await observer.NextEventAsync();
            if (received["args"]![0]!.GetValue<long>() != observer.SessionId)
            {
                return received;
            }
        }
    }
}
