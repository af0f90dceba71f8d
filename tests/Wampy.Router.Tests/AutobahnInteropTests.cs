using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>The router with Autobahn|JS clients on both sides, over every serializer and over RawSocket.</summary>
public sealed class AutobahnInteropTests(RouterFixture router) : IClassFixture<RouterFixture>
{
    public static TheoryData<string> Transports => ["json", "msgpack", "cbor", "rawsocket"];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Autobahn_caller_reaches_autobahn_callee(string transport)
    {
        var procedure = $"com.interop.echo_{transport}";
        await using var callee = await router.AutobahnAsync(transport);
        await using var caller = await router.AutobahnAsync(transport);
        await callee.RegisterAsync(procedure, "echo", options: null);

        var reply = await caller.CallAsync(procedure, [1, "two", new JsonObject { ["three"] = 3 }], new JsonObject { ["k"] = "v" });

        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal("""[1,"two",{"three":3}]""", reply["args"]!.ToJsonString());
        Assert.Equal("""{"k":"v"}""", reply["kwargs"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Autobahn_publisher_reaches_autobahn_subscriber(string transport)
    {
        var topic = $"com.interop.news_{transport}";
        await using var subscriber = await router.AutobahnAsync(transport);
        await using var publisher = await router.AutobahnAsync(transport);
        await subscriber.SubscribeAsync(topic);

        await publisher.PublishAsync(topic, ["hello", 42], new JsonObject { ["k"] = true });

        var received = await subscriber.NextEventAsync();
        Assert.Equal("""["hello",42]""", received["args"]!.ToJsonString());
        Assert.Equal("""{"k":true}""", received["kwargs"]!.ToJsonString());
    }

    [Theory]
    [InlineData("json", "msgpack")]
    [InlineData("msgpack", "cbor")]
    [InlineData("cbor", "rawsocket")]
    [InlineData("rawsocket", "json")]
    public async Task Calls_cross_serializers(string callerTransport, string calleeTransport)
    {
        var procedure = $"com.interop.cross_{callerTransport}_{calleeTransport}";
        await using var callee = await router.AutobahnAsync(calleeTransport);
        await using var caller = await router.AutobahnAsync(callerTransport);
        await callee.RegisterAsync(procedure, "echo", options: null);

        var reply = await caller.CallAsync(procedure, [1.5, -7, "ü€", true, null, new JsonArray(1, 2)], new JsonObject { ["nested"] = new JsonObject { ["x"] = 9007199254740992L } });

        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal("""[1.5,-7,"ü€",true,null,[1,2]]""", reply["args"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.True(reply["kwargs"]!["nested"]?["x"] is JsonValue x && x.GetValue<double>() == 9007199254740992d, reply.ToJsonString());
    }

    [Fact]
    public async Task Callee_error_reaches_caller_with_its_uri_args_and_kwargs()
    {
        await using var callee = await router.AutobahnAsync("msgpack");
        await using var caller = await router.AutobahnAsync("json");
        await callee.RegisterAsync("com.interop.fails", "error", "com.example.error.out_of_stock", [7], new JsonObject { ["sku"] = "A1" });

        var reply = await caller.CallAsync("com.interop.fails");

        Assert.False(reply["ok"]!.GetValue<bool>());
        Assert.Equal("com.example.error.out_of_stock", reply["error"]!.GetValue<string>());
        Assert.Equal("[7]", reply["args"]!.ToJsonString());
        Assert.Equal("""{"sku":"A1"}""", reply["kwargs"]!.ToJsonString());
    }

    [Fact]
    public async Task Calling_an_unregistered_procedure_gives_no_such_procedure()
    {
        await using var caller = await router.AutobahnAsync();

        var reply = await caller.CallAsync("com.interop.nobody_home");

        Assert.Equal("wamp.error.no_such_procedure", reply["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unregistered_procedure_is_no_longer_callable()
    {
        await using var callee = await router.AutobahnAsync();
        await using var caller = await router.AutobahnAsync();
        await callee.RegisterAsync("com.interop.temporary", "echo", options: null);
        Assert.True((await caller.CallAsync("com.interop.temporary"))["ok"]!.GetValue<bool>());

        await callee.UnregisterAsync("com.interop.temporary");

        Assert.Equal("wamp.error.no_such_procedure", (await caller.CallAsync("com.interop.temporary"))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_departed_callee_is_removed_and_its_procedure_can_be_registered_again()
    {
        var callee = await router.AutobahnAsync();
        await callee.RegisterAsync("com.interop.departing", "echo", options: null);
        await using var observer = await router.AutobahnAsync();
        await observer.SubscribeAsync("wamp.registration.on_delete");

        await callee.DisposeAsync();
        await observer.NextEventAsync();

        await using var successor = await router.AutobahnAsync();
        await successor.RegisterAsync("com.interop.departing", "echo", options: null);
        Assert.True((await observer.CallAsync("com.interop.departing", ["again"]))["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Second_single_registration_is_refused()
    {
        await using var first = await router.AutobahnAsync();
        await using var second = await router.AutobahnAsync();
        await first.RegisterAsync("com.interop.only_one", "echo", options: null);

        var reply = await second.TryRegisterAsync("com.interop.only_one", "echo");

        Assert.Equal("wamp.error.procedure_already_exists", reply["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("com..bad")]
    [InlineData("com.bad uri")]
    [InlineData("com.bad#")]
    public async Task Invalid_uris_are_refused_with_invalid_uri(string uri)
    {
        await using var peer = await router.AutobahnAsync();

        Assert.Equal("wamp.error.invalid_uri", (await peer.TryRegisterAsync(uri, "echo"))["error"]!.GetValue<string>());
        Assert.Equal("wamp.error.invalid_uri", (await peer.CallAsync(uri))["error"]!.GetValue<string>());
        Assert.Equal("wamp.error.invalid_uri", (await peer.TrySubscribeAsync(uri))["error"]!.GetValue<string>());
        Assert.Equal("wamp.error.invalid_uri", (await peer.TryPublishAsync(uri))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_wamp_namespace_belongs_to_the_router()
    {
        await using var peer = await router.AutobahnAsync();

        Assert.Equal("wamp.error.not_authorized", (await peer.TryRegisterAsync("wamp.session.count", "echo"))["error"]!.GetValue<string>());
        Assert.Equal("wamp.error.not_authorized", (await peer.TryPublishAsync("wamp.session.on_join"))["error"]!.GetValue<string>());
    }
}
