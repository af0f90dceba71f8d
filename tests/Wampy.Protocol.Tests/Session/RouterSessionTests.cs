using System.Collections.Concurrent;
using Wampy.Payload;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>The client against the real fox-wamp router: the four roles and wampy's own scenarios.</summary>
public class RouterSessionTests(FoxRouter router) : IClassFixture<FoxRouter>
{
    public interface ICalculator
    {
        [WampProcedure("test.proxy.add")]
        Task<int> AddAsync(int a, int b, CancellationToken cancellationToken = default);

        [WampProcedure("test.proxy.echo")]
        ValueTask<string> EchoAsync(string text);

        [WampProcedure("test.proxy.ping")]
        Task PingAsync();
    }

    private static string Unique(string name) => $"test.{name}.{Guid.NewGuid():N}";

    [Fact]
    public async Task Join_gives_a_session_id_and_the_router_roles()
    {
        await using var client = await router.ConnectAsync();
        Assert.Equal(WampClientState.Connected, client.State);
        Assert.True(client.SessionId > 0);
        Assert.NotNull(client.WelcomeDetails.GetDictionary("roles")?.GetDictionary("dealer"));
    }

    [Fact]
    public async Task Two_clients_in_one_process_call_each_other_with_args_and_kwargs()
    {
        var procedure = Unique("add");
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        await using var registration = await callee.RegisterAsync(procedure, (inv, _) =>
            ValueTask.FromResult(WampResult.FromValues(inv.Arguments.Get<int>(0) + inv.Arguments.Get<int>(1), inv.ArgumentsKw.Get<string>("label"))));

        var result = await caller.CallAsync(procedure, [2, 40], new Dictionary<string, object?> { ["label"] = "sum" }).Within();

        Assert.Equal(42, result.Arguments.Get<int>(0));
        Assert.Equal("sum", result.Arguments.Get<string>(1));
        Assert.Equal(42, await caller.CallAsync<int>(procedure, [40, 2], new { label = "x" }).Within());
        Assert.True(registration.RegistrationId > 0);
    }

    [Fact]
    public async Task Call_to_an_unregistered_procedure_fails_with_no_such_procedure()
    {
        await using var client = await router.ConnectAsync();
        var procedure = Unique("missing");
        var ex = await Assert.ThrowsAsync<WampNoSuchProcedureException>(() => client.CallAsync(procedure).Within());
        Assert.Equal(WampErrorUris.NoSuchProcedure, ex.Error);
        Assert.Contains(procedure, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callee_exceptions_reach_the_caller_as_errors_and_the_callee_keeps_serving()
    {
        // fox-wamp rewrites callee errors to wamp.error.callee_failure with the callee's error URI as args[0].
        var procedure = Unique("fails");
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        await callee.RegisterAsync(procedure, (inv, _) => inv.Arguments.Get<string>(0) switch
        {
            "crash" => throw new InvalidOperationException("boom"),
            "custom" => throw new WampException("com.example.error.custom", "custom failure"),
            _ => ValueTask.FromResult(WampResult.FromValue("fine")),
        });

        var crash = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync(procedure, ["crash"]).Within());
        Assert.Equal("wamp.error.callee_failure", crash.Error);
        Assert.Equal(WampErrorUris.RuntimeError, crash.Arguments!.Get<string>(0));

        var custom = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync(procedure, ["custom"]).Within());
        Assert.Equal("com.example.error.custom", custom.Arguments!.Get<string>(0));

        Assert.Equal("fine", await caller.CallAsync<string>(procedure, ["ok"]).Within());
    }

    [Fact]
    public async Task Unregistering_makes_the_procedure_unavailable()
    {
        var procedure = Unique("temp");
        await using var client = await router.ConnectAsync();
        var registration = await client.RegisterAsync(procedure, (_, _) => ValueTask.FromResult(WampResult.FromValue(1)));
        Assert.Equal(1, await client.CallAsync<int>(procedure).Within());
        await registration.DisposeAsync();
        await Assert.ThrowsAsync<WampNoSuchProcedureException>(() => client.CallAsync(procedure).Within());
    }

    [Fact]
    public async Task Publish_and_subscribe_with_kwargs_only_and_with_args_only()
    {
        var topic = Unique("topic");
        await using var subscriber = await router.ConnectAsync();
        await using var publisher = await router.ConnectAsync();
        var events = new BlockingCollection<WampEvent>();
        await subscriber.SubscribeAsync(topic, (e, _) =>
        {
            events.Add(e);
            return ValueTask.CompletedTask;
        });

        await publisher.PublishAsync(topic, null, new { temperature = 21.5, unit = "C" }, new PublishOptions { Acknowledge = true }).Within();
        await publisher.PublishAsync(topic, ["only", "args"], null, new PublishOptions { Acknowledge = true }).Within();

        Assert.True(events.TryTake(out var first, TaskTimeouts.Default));
        Assert.Equal(0, first!.Arguments.Count);
        Assert.Equal(21.5, first.ArgumentsKw.Get<double>("temperature"));
        Assert.Equal(topic, first.Topic);
        Assert.True(events.TryTake(out var second, TaskTimeouts.Default));
        Assert.Equal(["only", "args"], second!.Arguments.ToArray<string>());
        Assert.Equal(0, second.ArgumentsKw.Count);
    }

    [Fact]
    public async Task Several_local_handlers_share_one_router_subscription()
    {
        var topic = Unique("shared");
        await using var subscriber = await router.ConnectAsync();
        await using var publisher = await router.ConnectAsync();
        var first = TaskTimeouts.Signal<string>();
        var second = new BlockingCollection<string>();
        var a = await subscriber.SubscribeAsync(topic, (e, _) => { first.TrySetResult(e.Arguments.Get<string>(0)); return ValueTask.CompletedTask; });
        var b = await subscriber.SubscribeAsync(topic, (e, _) => { second.Add(e.Arguments.Get<string>(0)); return ValueTask.CompletedTask; });
        Assert.Equal(a.SubscriptionId, b.SubscriptionId);

        await publisher.PublishAsync(topic, ["one"], options: new PublishOptions { Acknowledge = true });
        Assert.Equal("one", await first.Task.Within());
        Assert.True(second.TryTake(out var got, TaskTimeouts.Default));
        Assert.Equal("one", got);

        await a.DisposeAsync();
        await publisher.PublishAsync(topic, ["two"], options: new PublishOptions { Acknowledge = true });
        Assert.True(second.TryTake(out got, TaskTimeouts.Default));
        Assert.Equal("two", got);
        await b.DisposeAsync();
    }

    [Fact]
    public async Task Acknowledged_publication_returns_its_id_and_exclude_me_false_delivers_to_self()
    {
        var topic = Unique("self");
        await using var client = await router.ConnectAsync();
        var received = TaskTimeouts.Signal<long>();
        await client.SubscribeAsync(topic, (e, _) => { received.TrySetResult(e.PublicationId); return ValueTask.CompletedTask; });

        var publication = await client.PublishAsync(topic, [1], options: new PublishOptions { Acknowledge = true, ExcludeMe = false }).Within();

        Assert.NotNull(publication);
        Assert.Equal(publication, await received.Task.Within());
    }

    [Fact]
    public async Task A_thousand_concurrent_calls_complete_with_correctly_correlated_results()
    {
        var procedure = Unique("square");
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        await callee.RegisterAsync(procedure, async (inv, ct) =>
        {
            var n = inv.Arguments.Get<int>(0);
            await Task.Yield();
            return WampResult.FromValues(n, (long)n * n);
        });

        var calls = Enumerable.Range(0, 1000).Select(n => caller.CallAsync(procedure, [n])).ToArray();
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        for (var n = 0; n < results.Length; n++)
        {
            Assert.Equal(n, results[n].Arguments.Get<int>(0));
            Assert.Equal((long)n * n, results[n].Arguments.Get<long>(1));
        }
    }

    [Fact]
    public async Task A_callee_can_call_other_procedures_from_its_handler()
    {
        var inner = Unique("inner");
        var outer = Unique("outer");
        await using var client = await router.ConnectAsync();
        await client.RegisterAsync(inner, (inv, _) => ValueTask.FromResult(WampResult.FromValue(inv.Arguments.Get<int>(0) * 2)));
        await client.RegisterAsync(outer, async (inv, ct) =>
            WampResult.FromValue(await client.CallAsync<int>(inner, [inv.Arguments.Get<int>(0) + 1], cancellationToken: ct)));

        Assert.Equal(22, await client.CallAsync<int>(outer, [10]).Within());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Handlers_that_block_on_a_call_of_their_own_all_complete(bool dedicatedReceiveThread)
    {
        // Sync-over-async inside handlers, several invocations arriving together: each handler blocks its thread
        // until its own CALL is answered, so no CALL may wait for the others of its burst to start (and, with a
        // dedicated receive thread, no handler may run on that thread).
        var inner = Unique("inner");
        var outer = Unique("outer");
        await using var callee = await router.ConnectAsync(o => o.DedicatedReceiveThread = dedicatedReceiveThread);
        await using var caller = await router.ConnectAsync(o => o.DedicatedReceiveThread = dedicatedReceiveThread);
        await callee.RegisterAsync(inner, (inv, _) => ValueTask.FromResult(WampResult.FromValue(inv.Arguments.Get<int>(0) * 2)));
        await callee.RegisterAsync(outer, (inv, ct) =>
            ValueTask.FromResult(WampResult.FromValue(callee.CallAsync<int>(inner, [inv.Arguments.Get<int>(0)], cancellationToken: ct).GetAwaiter().GetResult())));

        var calls = Enumerable.Range(1, 6).Select(i => caller.CallAsync<int>(outer, [i])).ToArray();

        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal([2, 4, 6, 8, 10, 12], results);
    }

    [Fact]
    public async Task A_slow_handler_does_not_block_other_calls()
    {
        var slow = Unique("slow");
        var fast = Unique("fast");
        var release = TaskTimeouts.Signal<bool>();
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        await callee.RegisterAsync(slow, async (_, _) => { await release.Task; return WampResult.FromValue("slow"); });
        await callee.RegisterAsync(fast, (_, _) => ValueTask.FromResult(WampResult.FromValue("fast")));

        var slowCall = caller.CallAsync<string>(slow);
        Assert.Equal("fast", await caller.CallAsync<string>(fast).Within());
        Assert.False(slowCall.IsCompleted);
        release.SetResult(true);
        Assert.Equal("slow", await slowCall.Within());
    }

    [Fact]
    public async Task Cancelling_a_call_stops_the_wait_and_its_late_result_reaches_nobody()
    {
        // fox-wamp ignores CANCEL and delivers the late RESULT: the client must drop it.
        var procedure = Unique("late");
        var release = TaskTimeouts.Signal<bool>();
        var started = TaskTimeouts.Signal<bool>();
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        await callee.RegisterAsync(procedure, async (inv, _) =>
        {
            var value = inv.Arguments.Get<string>(0);
            if (value == "first")
            {
                started.TrySetResult(true);
                await release.Task;
            }

            return WampResult.FromValue(value);
        });

        using var cts = new CancellationTokenSource();
        var first = caller.CallAsync<string>(procedure, ["first"], cancellationToken: cts.Token);
        await started.Task.Within();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Within());

        release.SetResult(true);
        Assert.Equal("second", await caller.CallAsync<string>(procedure, ["second"]).Within());
        Assert.Equal("third", await caller.CallAsync<string>(procedure, ["third"]).Within());
    }

    [Fact]
    public async Task A_call_timeout_fails_the_call_with_a_timeout_exception_naming_the_procedure()
    {
        var procedure = Unique("never");
        var release = TaskTimeouts.Signal<bool>();
        await using var client = await router.ConnectAsync();
        await client.RegisterAsync(procedure, async (_, _) => { await release.Task; return WampResult.Empty; });

        var ex = await Assert.ThrowsAsync<WampTimeoutException>(() =>
            client.CallAsync(procedure, options: new CallOptions { Timeout = TimeSpan.FromMilliseconds(200) }).Within());
        Assert.Contains(procedure, ex.Message, StringComparison.Ordinal);
        release.SetResult(true);
    }

    [Fact]
    public async Task Invalid_uris_are_refused_before_anything_is_sent()
    {
        await using var client = await router.ConnectAsync(o => o.StrictUris = true);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync("com..broken"));
        Assert.Equal("procedure", ex.ParamName);
        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync("com.Upper.case"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeAsync("bad topic", (_, _) => ValueTask.CompletedTask));
        Assert.Equal(WampClientState.Connected, client.State);
    }

    [Fact]
    public async Task A_typed_proxy_calls_procedures_with_its_parameters()
    {
        await using var client = await router.ConnectAsync();
        var pings = 0;
        await using var add = await client.RegisterAsync("test.proxy.add", (inv, _) => ValueTask.FromResult(WampResult.FromValue(inv.Arguments.Get<int>(0) + inv.Arguments.Get<int>(1))));
        await using var echo = await client.RegisterAsync("test.proxy.echo", (inv, _) => ValueTask.FromResult(WampResult.FromValue(inv.Arguments.Get<string>(0))));
        await using var ping = await client.RegisterAsync("test.proxy.ping", (_, _) => { Interlocked.Increment(ref pings); return ValueTask.FromResult(WampResult.Empty); });

        var calculator = client.GetProxy<ICalculator>();

        Assert.Equal(5, await calculator.AddAsync(2, 3).Within());
        Assert.Equal("100éfa", await calculator.EchoAsync("100éfa").AsTask().Within());
        await calculator.PingAsync().Within();
        Assert.Equal(1, pings);
    }

    [Fact]
    public async Task Closing_says_goodbye_and_fails_nothing_pending_silently()
    {
        var client = await router.ConnectAsync();
        var closed = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        client.Closed += (_, e) => closed.TrySetResult(e);

        await client.CloseAsync().Within();

        var args = await closed.Task.Within();
        Assert.True(args.ClosedByClient);
        Assert.Equal(WampClientState.Closed, client.State);
        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => client.CallAsync("test.any"));
        Assert.Contains("Closed", ex.Message, StringComparison.Ordinal);

        await client.ConnectAsync().Within();
        Assert.Equal(WampClientState.Connected, client.State);
        await client.DisposeAsync();
    }
}
