using System.Text.Json.Nodes;
using Wampy.Payload;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>Our client's end-to-end scenarios through the router, for every serializer over WebSocket and RawSocket.</summary>
public sealed class ClientMatrixTests(RouterFixture router) : IClassFixture<RouterFixture>
{
    public sealed record Order(string Sku, int Quantity, byte[] Signature);

    public static TheoryData<string, bool> Combinations => new()
    {
        { "json", false }, { "msgpack", false }, { "cbor", false },
        { "json", true }, { "msgpack", true }, { "cbor", true },
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Call_register_publish_subscribe_and_errors(string serializer, bool rawSocket)
    {
        var prefix = $"com.matrix.{serializer}_{(rawSocket ? "raw" : "ws")}";
        await using var callee = await router.ClientAsync(serializer, rawSocket);
        await using var caller = await router.ClientAsync(serializer, rawSocket);

        // RPC with a POCO, binary and keyword arguments.
        await using (await callee.RegisterAsync($"{prefix}.place", (invocation, _) =>
        {
            var order = invocation.Arguments.Get<Order>(0);
            return ValueTask.FromResult(new WampResult(
                WampArguments.From(order.Quantity * 2, order.Signature.Reverse().ToArray()),
                WampKeywordArguments.From(new Dictionary<string, object?> { ["sku"] = order.Sku, ["by"] = invocation.Details.GetString("caller_authid") })));
        }))
        {
            var result = await caller.CallAsync($"{prefix}.place", [new Order("A-1", 21, [1, 2, 3])]);
            Assert.Equal(42, result.Arguments.Get<int>(0));
            Assert.Equal(new byte[] { 3, 2, 1 }, result.Arguments.Get<byte[]>(1));
            Assert.Equal("A-1", result.ArgumentsKw.Get<string>("sku"));
        }

        // After unregistering, the procedure is gone.
        var gone = await Assert.ThrowsAsync<WampNoSuchProcedureException>(() => caller.CallAsync($"{prefix}.place"));
        Assert.Equal("wamp.error.no_such_procedure", gone.Error);

        // A callee's application error reaches the caller with its URI and payload.
        await using (await callee.RegisterAsync($"{prefix}.fail", (_, _) =>
            throw new WampException("com.example.error.rejected", WampArguments.From("too many"), WampKeywordArguments.From(new Dictionary<string, object?> { ["limit"] = 3 }))))
        {
            var failure = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync($"{prefix}.fail"));
            Assert.Equal("com.example.error.rejected", failure.Error);
            Assert.Equal("too many", failure.Arguments!.Get<string>(0));
            Assert.Equal(3, failure.ArgumentsKw!.Get<int>("limit"));
        }

        // PubSub, acknowledged, with binary; the publisher is excluded by default.
        var received = TaskTimeouts.Signal<WampEvent>();
        await using var subscription = await callee.SubscribeAsync($"{prefix}.news", (e, _) =>
        {
            received.TrySetResult(e);
            return ValueTask.CompletedTask;
        });
        var publicationId = await caller.PublishAsync($"{prefix}.news", ["headline", new byte[] { 9, 8 }], new { page = 1 }, new PublishOptions { Acknowledge = true });
        var news = await received.Task.Within();
        Assert.Equal(publicationId, news.PublicationId);
        Assert.Equal("headline", news.Arguments.Get<string>(0));
        Assert.Equal(new byte[] { 9, 8 }, news.Arguments.Get<byte[]>(1));
        Assert.Equal(1, news.ArgumentsKw.Get<int>("page"));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Our_client_and_autobahn_serve_each_other(string serializer, bool rawSocket)
    {
        var prefix = $"com.matrix.peer_{serializer}_{(rawSocket ? "raw" : "ws")}";
        await using var client = await router.ClientAsync(serializer, rawSocket);
        await using var peer = await router.AutobahnAsync(serializer == "json" && rawSocket ? "rawsocket" : serializer);
        await peer.RegisterAsync($"{prefix}.echo", "echo", options: null);
        await client.RegisterAsync($"{prefix}.add", (invocation, _) =>
            ValueTask.FromResult(WampResult.FromValue(invocation.Arguments.Get<int>(0) + invocation.Arguments.Get<int>(1))));

        var echoed = await client.CallAsync($"{prefix}.echo", ["x", 1], new { k = "v" });
        var added = await peer.CallAsync($"{prefix}.add", [2, 3]);

        Assert.Equal("x", echoed.Arguments.Get<string>(0));
        Assert.Equal("v", echoed.ArgumentsKw.Get<string>("k"));
        Assert.Equal("[5]", added["args"]!.ToJsonString());
    }

    [Fact]
    public async Task Stopping_the_router_says_goodbye_to_every_client()
    {
        await using var own = await WampRouter.StartAsync(new WampRouterOptions { Port = 0, ShutdownTimeout = TimeSpan.FromSeconds(5) });
        var closed = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        var options = new WampClientOptions { Url = own.Url, Realm = "realm1", Reconnect = { Enabled = false } };
        await using var client = new WampClient(options);
        client.Closed += (_, e) => closed.TrySetResult(e);
        await client.ConnectAsync().Within();
        Assert.Equal(1, own.SessionCount("realm1"));

        await own.StopAsync().Within();

        var reason = await closed.Task.Within();
        Assert.Equal("wamp.close.system_shutdown", reason.Reason);
        Assert.False(reason.ClosedByClient);
    }

    [Fact]
    public async Task Closing_our_client_is_a_clean_goodbye_even_when_the_router_drops_the_connection_at_once()
    {
        var client = await router.ClientAsync();
        var closed = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        client.Closed += (_, e) => closed.TrySetResult(e);

        await client.CloseAsync().Within();

        var reason = await closed.Task.Within();
        Assert.Equal("wamp.close.normal", reason.Reason);
        Assert.True(reason.ClosedByClient);
        await client.DisposeAsync();
    }
}
