using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Wampy.Payload;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>
/// The client facing a scripted WebSocket endpoint that plays the router frame by frame: faults no real router
/// produces on demand (malformed frames, router GOODBYE, INTERRUPT, fragmentation, oversized frames).
/// </summary>
public class ScriptedRouterTests
{
    private static WampClient Client(ScriptedEndpoint endpoint, Action<WampClientOptions>? configure = null)
    {
        var options = new WampClientOptions { Url = endpoint.Url, Realm = "realm1", ConnectTimeout = TimeSpan.FromSeconds(10), CloseTimeout = TimeSpan.FromSeconds(2) };
        options.Reconnect.Enabled = false; // These tests watch one session end.
        configure?.Invoke(options);
        return new WampClient(options);
    }

    private static async Task<WampClient> JoinedAsync(ScriptedEndpoint endpoint, Action<WampClientOptions>? configure = null)
    {
        var client = Client(endpoint, configure);
        var connect = client.ConnectAsync();
        await endpoint.AcceptAsync();
        await connect.Within();
        return client;
    }

    private static Task<WampSessionClosedEventArgs> ClosedSignal(WampClient client)
    {
        var closed = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        client.Closed += (_, e) => closed.TrySetResult(e);
        return closed.Task;
    }

    [Fact]
    public async Task Hello_announces_the_four_roles_and_the_agent()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = Client(endpoint);
        var connect = client.ConnectAsync();
        var hello = JsonNode.Parse(await endpoint.ReceiveAsync("[1,"))!.AsArray();
        await endpoint.SendAsync("""[2,77,{"roles":{"dealer":{},"broker":{}}}]""");
        await connect.Within();

        Assert.Equal("realm1", hello[1]!.GetValue<string>());
        var roles = hello[2]!["roles"]!.AsObject();
        Assert.Equal(["caller", "callee", "publisher", "subscriber"], roles.Select(r => r.Key));
        Assert.StartsWith("Wampy/", hello[2]!["agent"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(77, client.SessionId);
    }

    [Fact]
    public async Task An_abort_instead_of_welcome_names_the_reason_and_the_realm()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = Client(endpoint);
        var connect = client.ConnectAsync();
        await endpoint.ReceiveAsync("[1,");
        await endpoint.SendAsync("""[3,{"message":"realm does not exist"},"wamp.error.no_such_realm"]""");

        var ex = await Assert.ThrowsAsync<WampSessionAbortedException>(() => connect.Within());
        Assert.Equal(WampErrorUris.NoSuchRealm, ex.Error);
        Assert.Equal("realm1", ex.Realm);
        Assert.Equal("The router refused to join realm 'realm1': wamp.error.no_such_realm: realm does not exist", ex.Message);
        Assert.Equal(WampClientState.Failed, client.State);
    }

    [Fact]
    public async Task A_session_id_that_is_not_an_integer_is_a_clear_protocol_error()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = Client(endpoint);
        var connect = client.ConnectAsync();
        await endpoint.ReceiveAsync("[1,");
        await endpoint.SendAsync("""[2,"6371845016093186",{"roles":{}}]""");

        var ex = await Assert.ThrowsAsync<WampProtocolViolationException>(() => connect.Within());
        Assert.Contains("WELCOME: Session must be an integer id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_that_accepts_no_offered_subprotocol_gives_a_clear_error()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await endpoint.CommandAsync("NOSUBPROTOCOL");
        await using var client = Client(endpoint);

        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => client.ConnectAsync().Within());
        Assert.Contains("wamp.2.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(endpoint.Url.Authority, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_goodbye_is_answered_and_fails_pending_calls_at_once()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        var closed = ClosedSignal(client);
        var call = client.CallAsync("test.pending");
        await endpoint.ReceiveAsync("[48,");

        await endpoint.SendAsync("""[6,{"message":"maintenance"},"wamp.close.system_shutdown"]""");

        Assert.Equal("""[6,{},"wamp.close.goodbye_and_out"]""", await endpoint.NextFrameAsync());
        var ex = await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
        Assert.Contains("wamp.close.system_shutdown", ex.Message, StringComparison.Ordinal);
        var args = await closed.Within();
        Assert.Equal("wamp.close.system_shutdown", args.Reason);
        Assert.False(args.ClosedByClient);
        Assert.Equal(WampClientState.Closed, client.State);
    }

    [Theory]
    [InlineData("this is not json", "Malformed WAMP JSON frame")]
    [InlineData("[999,1,{}]", "Unknown WAMP message type 999")]
    [InlineData("""[50,"1",{}]""", "RESULT: CALL.Request must be an integer id")]
    [InlineData("""[2,1,{}]""", "does not accept WELCOME")]
    public async Task A_bad_frame_aborts_the_session_with_protocol_violation_and_fails_pending_calls(string frame, string reason)
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        var closed = ClosedSignal(client);
        var call = client.CallAsync("test.pending");
        await endpoint.ReceiveAsync("[48,");

        await endpoint.SendAsync(frame);

        var abort = JsonNode.Parse(await endpoint.NextFrameAsync())!.AsArray();
        Assert.Equal(3, abort[0]!.GetValue<int>());
        Assert.Equal(WampErrorUris.ProtocolViolation, abort[2]!.GetValue<string>());
        Assert.Contains(reason, abort[1]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
        var args = await closed.Within();
        Assert.Equal(WampErrorUris.ProtocolViolation, args.Reason);
        Assert.IsType<WampProtocolViolationException>(args.Exception);
    }

    [Fact]
    public async Task A_frame_over_the_size_limit_ends_the_session_with_a_clear_reason()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint, o => o.MaxMessageSize = 64 * 1024);
        var closed = ClosedSignal(client);

        await endpoint.CommandAsync("SENDBIG 100000");

        var args = await closed.Within();
        Assert.Equal(WampErrorUris.ProtocolViolation, args.Reason);
        Assert.Contains("MaxMessageSize", args.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fragmented_frames_are_reassembled()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        var call = client.CallAsync<string>("test.fragmented");
        await endpoint.ReceiveAsync("[48,1,");

        await endpoint.CommandAsync("SENDFRAG 7 [50,1,{},[\"fragmented ✓ 100éfa\"]]");

        Assert.Equal("fragmented ✓ 100éfa", await call.Within());
    }

    [Fact]
    public async Task A_reply_to_an_unknown_request_is_dropped_and_the_session_goes_on()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        var call = client.CallAsync<string>("test.p");
        await endpoint.ReceiveAsync("[48,1,");

        await endpoint.SendAsync("""[50,999,{},["stray"]]""");
        await endpoint.SendAsync("""[8,48,998,{},"wamp.error.stray"]""");
        await endpoint.SendAsync("""[50,1,{},["real"]]""");

        Assert.Equal("real", await call.Within());
        Assert.Equal(WampClientState.Connected, client.State);
    }

    [Fact]
    public async Task A_dropped_connection_fails_pending_calls_at_once()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        var closed = ClosedSignal(client);
        var call = client.CallAsync("test.pending");
        await endpoint.ReceiveAsync("[48,");

        await endpoint.CommandAsync("DROP");

        await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
        Assert.Equal("wampy.close.connection_lost", (await closed.Within()).Reason);
        await Assert.ThrowsAsync<WampConnectionException>(() => client.PublishAsync("test.after"));
    }

    [Fact]
    public async Task A_failing_handler_answers_exactly_one_error_and_never_a_yield()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        var register = client.RegisterAsync("test.p", (inv, _) => inv.Arguments.Get<string>(0) switch
        {
            "crash" => throw new InvalidOperationException("boom"),
            "custom" => throw new WampException("com.example.error", WampArguments.From("bad"), WampKeywordArguments.From(new { code = 42 })),
            "bind" => ValueTask.FromResult(WampResult.FromValue(inv.Arguments.Get<int>(3))),
            _ => ValueTask.FromResult(WampResult.FromValue("ok")),
        });
        Assert.Equal("""[64,1,{},"test.p"]""", await endpoint.NextFrameAsync());
        await endpoint.SendAsync("[65,1,77]");
        await register.Within();

        await endpoint.SendAsync("""[68,5,77,{},["crash"]]""");
        Assert.Equal("""[8,68,5,{},"wamp.error.runtime_error",["boom"]]""", await endpoint.NextFrameAsync());
        await endpoint.SendAsync("""[68,6,77,{},["custom"]]""");
        Assert.Equal("""[8,68,6,{},"com.example.error",["bad"],{"code":42}]""", await endpoint.NextFrameAsync());
        await endpoint.SendAsync("""[68,7,77,{},["bind"]]""");
        var bind = JsonNode.Parse(await endpoint.NextFrameAsync())!.AsArray();
        Assert.Equal(WampErrorUris.InvalidArgument, bind[4]!.GetValue<string>());
        Assert.Contains("Argument 3", bind[5]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await endpoint.SendAsync("""[68,8,77,{},["fine"]]""");
        Assert.Equal("""[70,8,{},["ok"]]""", await endpoint.NextFrameAsync());
        await endpoint.SendAsync("""[68,9,12345,{},[]]""");
        Assert.Equal("""[8,68,9,{},"wamp.error.no_such_registration"]""", await endpoint.NextFrameAsync());
    }

    [Fact]
    public async Task An_interrupt_cancels_the_handler_which_answers_canceled()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        var started = TaskTimeouts.Signal<bool>();
        var register = client.RegisterAsync("test.long", async (_, ct) =>
        {
            started.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, ct);
            return WampResult.Empty;
        });
        await endpoint.ReceiveAsync("[64,");
        await endpoint.SendAsync("[65,1,77]");
        await register.Within();
        await endpoint.SendAsync("[68,5,77,{}]");
        await started.Task.Within();

        await endpoint.SendAsync("""[69,5,{"mode":"kill"}]""");

        var error = JsonNode.Parse(await endpoint.NextFrameAsync())!.AsArray();
        Assert.Equal(8, error[0]!.GetValue<int>());
        Assert.Equal(5, error[2]!.GetValue<int>());
        Assert.Equal(WampErrorUris.Canceled, error[4]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_of_a_subscription_arrive_in_order_and_a_failing_handler_does_not_stop_them()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        var seen = new BlockingCollection<int>();
        var subscribe = client.SubscribeAsync("test.t", (e, _) =>
        {
            var n = e.Arguments.Get<int>(0);
            seen.Add(n);
            return n == 2 ? throw new InvalidOperationException("handler bug") : ValueTask.CompletedTask;
        });
        Assert.Equal("""[32,1,{},"test.t"]""", await endpoint.NextFrameAsync());
        await endpoint.SendAsync("[33,1,55]");
        await subscribe.Within();

        for (var i = 1; i <= 5; i++)
        {
            await endpoint.SendAsync($$"""[36,55,{{100 + i}},{"publisher":9},[{{i}}]]""");
        }

        var order = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(seen.TryTake(out var n, TaskTimeouts.Default));
            order.Add(n);
        }

        Assert.Equal([1, 2, 3, 4, 5], order);
    }
}
