using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>The client's own reconnect policy: backoff on a fake clock, what is retried and what is not, calls made while reconnecting.</summary>
public class ReconnectTests
{
    private static WampClientOptions Unreachable(FakeTimeProvider time)
    {
        var options = new WampClientOptions
        {
            Url = new Uri($"ws://127.0.0.1:{FoxRouter.FreePort()}/ws"),
            Realm = "realm1",
            TimeProvider = time,
        };
        options.Reconnect.RetryOnInitialConnect = true;
        options.Reconnect.InitialDelay = TimeSpan.FromSeconds(1);
        options.Reconnect.BackoffFactor = 2;
        options.Reconnect.MaxDelay = TimeSpan.FromSeconds(5);
        options.Reconnect.UseJitter = false;
        return options;
    }

    /// <summary>
    /// Moves the fake clock by <paramref name="step"/> until <paramref name="next"/> completes. Polly creates its
    /// delay timer just after it reports the retry, so one advance could come too early; each round is bounded.
    /// </summary>
    private static async Task<T> AdvanceUntilAsync<T>(FakeTimeProvider time, TimeSpan step, Task<T> next)
    {
        using var timeout = new CancellationTokenSource(TaskTimeouts.Default);
        while (!next.IsCompleted)
        {
            time.Advance(step);
            await Task.WhenAny(next, Task.Delay(10, timeout.Token));
        }

        return await next;
    }

    [Fact]
    public async Task Attempts_back_off_exponentially_up_to_the_maximum_then_the_client_fails()
    {
        var time = new FakeTimeProvider();
        var options = Unreachable(time);
        options.Reconnect.MaxAttempts = 5;
        await using var client = new WampClient(options);
        var retries = Channel.CreateUnbounded<WampReconnectingEventArgs>();
        client.Reconnecting += (_, e) => retries.Writer.TryWrite(e);
        var failed = TaskTimeouts.Signal<WampClientStateChangedEventArgs>();
        client.StateChanged += (_, e) =>
        {
            if (e.State == WampClientState.Failed)
            {
                failed.TrySetResult(e);
            }
        };

        var connect = client.ConnectAsync();
        double[] expected = [1, 2, 4, 5]; // 1 s × 2^n, capped at 5 s; 5 attempts = 4 waits
        for (var i = 0; i < expected.Length; i++)
        {
            var retry = await retries.Reader.ReadAsync().AsTask().Within();
            Assert.Equal(i + 2, retry.Attempt);
            Assert.Equal(TimeSpan.FromSeconds(expected[i]), retry.Delay);
            Assert.IsType<WampConnectionException>(retry.Error, exactMatch: false);
            if (i < expected.Length - 1)
            {
                await AdvanceUntilAsync(time, TimeSpan.FromMilliseconds(250), retries.Reader.WaitToReadAsync().AsTask());
            }
        }

        var failure = AdvanceUntilAsync(time, TimeSpan.FromMilliseconds(250), connect.ContinueWith(t => t, TaskScheduler.Default));
        var ex = await Assert.ThrowsAsync<WampConnectionException>(async () => await await failure);
        Assert.Contains(options.Url!.Authority, ex.Message, StringComparison.Ordinal);
        Assert.Equal(WampClientState.Failed, client.State);
        Assert.False(retries.Reader.TryRead(out _));
        var change = await failed.Task.Within();
        Assert.Equal(WampClientState.Connecting, change.PreviousState);
        Assert.Same(ex, change.Error);
    }

    [Fact]
    public async Task A_refused_authentication_stops_at_once_when_asked_to()
    {
        await using var router = FoxRouter.WithAuthentication();
        await router.InitializeAsync();
        var options = router.ClientOptions();
        options.Authentication.Method = "ticket";
        options.Authentication.AuthId = "joe";
        options.Authentication.Ticket = "wrong-ticket";
        options.Reconnect.RetryOnInitialConnect = true;
        options.Reconnect.StopOnAuthenticationFailure = true;
        await using var client = new WampClient(options);
        var retried = false;
        client.Reconnecting += (_, _) => retried = true;

        var ex = await Assert.ThrowsAsync<WampSessionAbortedException>(() => client.ConnectAsync().Within());

        Assert.True(ex.IsAuthenticationFailure, ex.Message);
        Assert.False(retried);
        Assert.Equal(WampClientState.Failed, client.State);
    }

    [Fact]
    public async Task Transient_and_permanent_failures_are_told_apart()
    {
        Assert.True(WampClient.IsTransient(new WampConnectionLostException("lost"), stopOnAuthenticationFailure: false));
        Assert.True(WampClient.IsTransient(new WampTimeoutException("slow"), stopOnAuthenticationFailure: false));
        Assert.True(WampClient.IsTransient(new IOException("reset"), stopOnAuthenticationFailure: false));
        var refused = new WampSessionAbortedException(WampErrorUris.AuthenticationFailed, "realm1", Wampy.Payload.WampDictionary.Empty);
        Assert.True(WampClient.IsTransient(refused, stopOnAuthenticationFailure: false));
        Assert.False(WampClient.IsTransient(refused, stopOnAuthenticationFailure: true));
        Assert.False(WampClient.IsTransient(new WampProtocolViolationException("bad frame"), stopOnAuthenticationFailure: false));
        Assert.False(WampClient.IsTransient(new WampException("wamp.error.procedure_already_exists"), stopOnAuthenticationFailure: false));
        Assert.False(WampClient.IsTransient(new OperationCanceledException(), stopOnAuthenticationFailure: false));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Calls_made_while_reconnecting_wait_for_the_new_session()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        var options = router.ClientOptions();
        options.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(100);
        options.ConnectionWaitTimeout = TaskTimeouts.Default;
        await using var client = new WampClient(options);
        await client.ConnectAsync().Within();
        await using var registration = await client.RegisterAsync("test.echo", (i, _) => ValueTask.FromResult(WampResult.FromValue(i.Arguments.Get<string>(0))));
        var reconnecting = TaskTimeouts.Signal<bool>();
        client.Reconnecting += (_, _) => reconnecting.TrySetResult(true);

        await router.StopAsync();
        await reconnecting.Task.Within();
        var call = client.CallAsync<string>("test.echo", ["after"]);
        Assert.False(call.IsCompleted);
        await router.InitializeAsync();

        Assert.Equal("after", await call.Within());
        Assert.Equal(WampClientState.Connected, client.State);
    }

    [Fact]
    public async Task Calls_made_while_reconnecting_fail_after_the_connection_wait_timeout()
    {
        var time = new FakeTimeProvider();
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        var options = router.ClientOptions();
        options.TimeProvider = time;
        options.ConnectionWaitTimeout = TimeSpan.FromSeconds(3);
        options.Reconnect.InitialDelay = TimeSpan.FromMinutes(1);
        options.Reconnect.MaxDelay = TimeSpan.FromMinutes(1);
        await using var client = new WampClient(options);
        await client.ConnectAsync().Within();
        var waiting = TaskTimeouts.Signal<bool>();
        client.Reconnecting += (_, e) =>
        {
            if (e.Attempt == 2)
            {
                waiting.TrySetResult(true); // the first attempt failed; the next one is a minute away
            }
        };
        await router.StopAsync();
        await waiting.Task.Within();

        var call = client.CallAsync("test.any");
        Assert.False(call.IsCompleted);
        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => AdvanceUntilAsync(time, TimeSpan.FromMilliseconds(500), call));
        Assert.Contains("(ConnectionWaitTimeout)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(WampClientState.Reconnecting, client.State);
    }

    [Fact]
    public async Task Closing_while_reconnecting_stops_the_attempts_and_raises_closed_once()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        var options = router.ClientOptions();
        options.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(50);
        await using var client = new WampClient(options);
        await client.ConnectAsync().Within();
        var reconnecting = TaskTimeouts.Signal<bool>();
        client.Reconnecting += (_, _) => reconnecting.TrySetResult(true);
        var closed = 0;
        var closedSignal = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        client.Closed += (_, e) => { Interlocked.Increment(ref closed); closedSignal.TrySetResult(e); };

        await router.StopAsync();
        await reconnecting.Task.Within();
        await client.CloseAsync().Within();

        var args = await closedSignal.Task.Within();
        Assert.True(args.ClosedByClient);
        Assert.Equal(WampClientState.Closed, client.State);
        await router.InitializeAsync();
        await using var other = await router.ConnectAsync();
        Assert.Equal(WampClientState.Closed, client.State);
        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => client.CallAsync("test.any"));
        Assert.Contains("Closed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, Volatile.Read(ref closed));
    }

    [Fact]
    public void Crossbar_seconds_are_rounded_up_and_one_more_so_the_router_never_ends_a_call_early()
    {
        var wire = new CallOptions { RouterTimeout = TimeSpan.FromSeconds(2) }.ToWire(routerTimeoutInSeconds: true, receiveProgress: false);
        Assert.Equal(3L, wire["timeout"]);
        wire = new CallOptions { RouterTimeout = TimeSpan.FromMilliseconds(1500) }.ToWire(routerTimeoutInSeconds: true, receiveProgress: false);
        Assert.Equal(3L, wire["timeout"]);
        wire = new CallOptions { RouterTimeout = TimeSpan.FromMilliseconds(1500) }.ToWire(routerTimeoutInSeconds: false, receiveProgress: false);
        Assert.Equal(1500L, wire["timeout"]);
    }

    [Fact]
    public async Task Disposing_a_registration_the_router_already_forgot_completes_quietly()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        var options = new WampClientOptions { Url = endpoint.Url, Realm = "realm1", CloseTimeout = TimeSpan.FromSeconds(1) };
        await using var client = new WampClient(options);
        var connect = client.ConnectAsync();
        await endpoint.AcceptAsync();
        await connect.Within();

        var register = client.RegisterAsync("test.gone", (_, _) => ValueTask.FromResult(WampResult.Empty));
        var request = JsonNode.Parse(await endpoint.ReceiveAsync("[64,"))!.AsArray();
        await endpoint.SendAsync($"[65,{request[1]},555]");
        var registration = await register.Within();
        var subscribe = client.SubscribeAsync("test.gone", (_, _) => ValueTask.CompletedTask);
        request = JsonNode.Parse(await endpoint.ReceiveAsync("[32,"))!.AsArray();
        await endpoint.SendAsync($"[33,{request[1]},556]");
        var subscription = await subscribe.Within();

        // Crossbar after wamp.registration.remove_callee: the router no longer knows the registration.
        var dispose = registration.DisposeAsync().AsTask();
        var unregister = JsonNode.Parse(await endpoint.ReceiveAsync("[66,"))!.AsArray();
        await endpoint.SendAsync($"[8,66,{unregister[1]},{{}},\"wamp.error.no_such_registration\"]");
        await dispose.Within();

        // A router that never answers UNSUBSCRIBE: disposal ends after the close timeout, without an exception.
        var unsubscribe = subscription.DisposeAsync().AsTask();
        await endpoint.ReceiveAsync("[34,");
        await unsubscribe.Within();
        Assert.Equal(WampClientState.Connected, client.State);
    }
}
