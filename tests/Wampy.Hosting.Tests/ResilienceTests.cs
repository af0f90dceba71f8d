using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Polly;
using Wampy.TestPeers;
using Xunit.Abstractions;

namespace Wampy.Hosting.Tests;

/// <summary>The hosted session when the router goes away, stops answering, says GOODBYE or refuses the session.</summary>
public class ResilienceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_the_router_is_killed_and_restarted_the_worker_rejoins_and_its_handlers_answer_again()
    {
        var port = FoxRouter.FreePort();
        await using var router = FoxRouter.OnPort(port);
        await router.InitializeAsync();
        await using var worker = await WorkerHost.StartJoinedAsync(router.Url);
        var firstSession = worker.Client.SessionId;

        await router.StopAsync();
        await WaitForStateAsync(worker, static state => state != WampClientState.Connected);
        Assert.Equal(HealthStatus.Unhealthy, await worker.HealthAsync());

        var restarted = Stopwatch.StartNew();
        await router.InitializeAsync();
        await worker.Client.WaitUntilConnectedAsync().Within();
        await using var peer = await AutobahnPeer.StartAsync(router.Url, router.Realm);
        var reply = await peer.CallAsync("calc.add", new JsonArray(20, 22));
        restarted.Stop();

        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal(42, reply["args"]![0]!.GetValue<int>());
        Assert.NotEqual(firstSession, worker.Client.SessionId);
        Assert.Equal(HealthStatus.Healthy, await worker.HealthAsync());
        output.WriteLine($"Router restart to handler callable (incl. starting the Autobahn|JS peer): {restarted.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_router_that_stops_answering_pings_is_detected_and_the_worker_rejoins_when_it_recovers()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        await using var worker = await WorkerHost.StartJoinedAsync(router.Url, o =>
        {
            o.Heartbeat.Interval = TimeSpan.FromMilliseconds(600);
            o.Heartbeat.Timeout = TimeSpan.FromMilliseconds(600);
            o.ConnectTimeout = TimeSpan.FromSeconds(1);
        });
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Services.GetRequiredService<WampClient>().StateChanged += (_, e) =>
        {
            if (e.State == WampClientState.Reconnecting)
            {
                lost.TrySetResult();
            }
        };

        var paused = Stopwatch.StartNew();
        router.Process.Signal("STOP");
        try
        {
            await lost.Task.Within();
            output.WriteLine($"Silent router detected after {paused.ElapsedMilliseconds} ms (interval 600 ms, timeout 600 ms)");
            Assert.Equal(HealthStatus.Unhealthy, await worker.HealthAsync());
        }
        finally
        {
            router.Process.Signal("CONT");
        }

        await worker.Client.WaitUntilConnectedAsync().Within();
        Assert.Equal(7, await worker.Client.CallAsync<int>("calc.add", [3, 4]).Within());
    }

    [Fact]
    public async Task After_a_reconnect_every_handler_is_bound_exactly_once()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var worker = WorkerHost.Build(endpoint.Url);
        await worker.Host.StartAsync().Within();

        for (var session = 1; session <= 2; session++)
        {
            await endpoint.ReceiveAsync("[1,");
            await endpoint.SendAsync("[2," + session + """,{"roles":{"dealer":{},"broker":{}}}]""");
            var registers = new List<string>();
            var seen = 0;
            while (seen < 9)
            {
                var frame = JsonNode.Parse(await endpoint.NextFrameAsync())!.AsArray();
                seen++;
                var type = frame[0]!.GetValue<int>();
                var request = frame[1]!.GetValue<long>();
                if (type == 64)
                {
                    registers.Add(frame[3]!.GetValue<string>());
                    await endpoint.SendAsync($"[65,{request},{100 + registers.Count}]");
                }
                else if (type == 32)
                {
                    await endpoint.SendAsync($"[33,{request},500]");
                }
            }

            Assert.Equal(8, registers.Count);
            Assert.Equal(registers.Count, registers.Distinct().Count());
            await worker.Client.WaitUntilConnectedAsync().Within();

            // The next frame after binding answers an invocation: nothing else was registered in between.
            await endpoint.SendAsync("""[68,77,101,{},[2,3]]""");
            Assert.Equal("""[70,77,{},[5]]""", await endpoint.NextFrameAsync());
            if (session == 1)
            {
                await endpoint.CommandAsync("DROP");
            }
        }
    }

    [Fact]
    public async Task A_router_goodbye_makes_the_worker_rejoin()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var worker = WorkerHost.Build(endpoint.Url, handlers: w => w.AddHandler<NewsHandler>());
        await worker.Host.StartAsync().Within();
        await endpoint.AcceptAsync(1);
        await endpoint.ReceiveAsync("[32,");
        await endpoint.SendAsync("[33,1,500]");
        await worker.Client.WaitUntilConnectedAsync().Within();

        await endpoint.SendAsync("""[6,{},"wamp.close.system_shutdown"]""");

        Assert.Equal("""[6,{},"wamp.close.goodbye_and_out"]""", await endpoint.NextFrameAsync());
        var hello = await endpoint.ReceiveAsync("[1,");
        Assert.Contains("\"realm1\"", hello, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_session_is_retried_with_backoff_never_in_a_hot_loop()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var worker = WorkerHost.Build(endpoint.Url, o =>
        {
            o.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(400);
            o.Reconnect.MaxDelay = TimeSpan.FromSeconds(2);
            o.Reconnect.UseJitter = false;
        });
        await worker.Host.StartAsync().Within();

        var times = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            await endpoint.ReceiveAsync("[1,");
            times.Add(clock.Elapsed);
            await endpoint.SendAsync("""[3,{"message":"bad ticket"},"wamp.error.authentication_failed"]""");
        }

        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(380), $"second attempt after {(times[1] - times[0]).TotalMilliseconds} ms");
        Assert.True(times[2] - times[1] >= TimeSpan.FromMilliseconds(780), $"third attempt after {(times[2] - times[1]).TotalMilliseconds} ms");
        Assert.NotEqual(WampClientState.Connected, worker.Client.State);
    }

    [Fact]
    public async Task An_authentication_refusal_stops_the_host_when_asked_to()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var worker = WorkerHost.Build(endpoint.Url, o => o.Reconnect.StopOnAuthenticationFailure = true);
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
        await worker.Host.StartAsync().Within();

        await endpoint.ReceiveAsync("[1,");
        await endpoint.SendAsync("""[3,{},"wamp.error.not_authorized"]""");

        await stopping.Task.Within();
    }

    [Fact]
    public async Task Graceful_shutdown_lets_an_in_flight_invocation_finish_then_says_goodbye()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        using var logs = new FakeLoggerProvider();
        var worker = WorkerHost.Build(router.Url, configureLogging: l => l.AddProvider(logs));
        await worker.Host.StartAsync().Within();
        await worker.Client.WaitUntilConnectedAsync().Within();
        await using var peer = await AutobahnPeer.StartAsync(router.Url, router.Realm);
        var gate = worker.Services.GetRequiredService<Gate>();

        var call = peer.CallAsync("calc.slow");
        await gate.Started.Task.Within();
        var stop = worker.Host.StopAsync();
        using (var timeout = new CancellationTokenSource(TaskTimeouts.Default))
        {
            while (!logs.Collector.GetSnapshot().Any(r => r.Id.Id == 108))
            {
                await Task.Delay(20, timeout.Token); // polls the log for "waiting for handlers in flight", bounded
            }
        }

        Assert.False(stop.IsCompleted, "shutdown must wait for the invocation in flight");
        Assert.Equal(WampClientState.Connected, worker.Client.State);

        gate.Release.TrySetResult();
        var reply = await call;
        await stop.Within();

        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal("done", reply["args"]![0]!.GetValue<string>());
        Assert.Equal(WampClientState.Closed, worker.Client.State);
        await worker.DisposeAsync();
    }

    [Fact]
    public async Task A_handler_still_running_at_the_shutdown_timeout_is_cancelled_and_the_caller_told()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        var worker = await WorkerHost.StartJoinedAsync(router.Url, o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(300));
        await using var peer = await AutobahnPeer.StartAsync(router.Url, router.Realm);
        var gate = worker.Services.GetRequiredService<Gate>();

        var call = peer.CallAsync("calc.slow");
        await gate.Started.Task.Within();
        await worker.Host.StopAsync().Within();
        var reply = await call;

        // The handler's CancellationToken was cancelled: the caller gets an error (fox-wamp: callee_failure + URI).
        Assert.False(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal(WampErrorUris.Canceled, reply["args"]![0]!.GetValue<string>());
        await worker.DisposeAsync();
    }

    [Fact]
    public async Task A_replaced_reconnect_pipeline_is_used_and_giving_up_stops_the_host()
    {
        var attempts = 0;
        await using var worker = WorkerHost.Build(
            new Uri($"ws://127.0.0.1:{FoxRouter.FreePort()}"),
            configure: null,
            handlers: w => w.AddHandler<CalculatorHandler>().UseReconnectPipeline(() => new Polly.ResiliencePipelineBuilder()
                .AddRetry(new Polly.Retry.RetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(10),
                    OnRetry = _ =>
                    {
                        Interlocked.Increment(ref attempts);
                        return default;
                    },
                })
                .Build()));
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());

        await worker.Host.StartAsync().Within();

        await stopping.Task.Within();
        Assert.Equal(2, attempts);
    }

    /// <summary>Waits (bounded) for the hosted session to reach a state, by its StateChanged event.</summary>
    private static Task WaitForStateAsync(WorkerHost worker, Func<WampClientState, bool> condition)
    {
        var client = worker.Services.GetRequiredService<WampClient>();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += (_, e) =>
        {
            if (condition(e.State))
            {
                reached.TrySetResult();
            }
        };
        if (condition(client.State))
        {
            reached.TrySetResult();
        }

        return reached.Task.Within();
    }
}
