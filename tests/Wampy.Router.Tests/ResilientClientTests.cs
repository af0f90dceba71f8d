using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Wampy.Router;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>
/// The plain client keeps its session alive through a restart of our router (in this process, on the same port):
/// it reports Connected → Reconnecting → Connected and restores its registration and subscription exactly once,
/// as the router's meta API counts them. It also reports dropped events and its own metrics.
/// </summary>
public class ResilientClientTests
{
    private static WampRouterOptions RouterOn(int port) => new() { Port = port, ShutdownTimeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task A_router_restart_restores_registrations_and_subscriptions_exactly_once()
    {
        var router = await WampRouter.StartAsync(RouterOn(0));
        var port = router.Url.Port;
        var options = new WampClientOptions { Url = router.Url, Realm = "realm1" };
        options.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(50);
        options.Reconnect.MaxDelay = TimeSpan.FromMilliseconds(200);
        await using var client = new WampClient(options);
        var states = System.Threading.Channels.Channel.CreateUnbounded<WampClientState>();
        client.StateChanged += (_, e) => states.Writer.TryWrite(e.State);
        await client.ConnectAsync().Within();
        var served = 0;
        await using var registration = await client.RegisterAsync("test.restart.echo", (i, _) =>
        {
            Interlocked.Increment(ref served);
            return ValueTask.FromResult(WampResult.FromValue(i.Arguments.Get<string>(0)));
        });
        var events = TaskTimeouts.Signal<string>();
        await using var subscription = await client.SubscribeAsync("test.restart.news", (e, _) =>
        {
            events.TrySetResult(e.Arguments.Get<string>(0));
            return ValueTask.CompletedTask;
        });
        var reconnected = TaskTimeouts.Signal<WampReconnectedEventArgs>();
        client.Reconnected += (_, e) => reconnected.TrySetResult(e);
        var before = client.SessionId;

        await router.DisposeAsync();
        router = await WampRouter.StartAsync(RouterOn(port));
        await using var restarted = router;
        var args = await reconnected.Task.Within();

        Assert.NotEqual(before, args.SessionId);
        Assert.Equal(args.SessionId, client.SessionId);
        Assert.Equal(WampClientState.Connecting, await states.Reader.ReadAsync().AsTask().Within());
        Assert.Equal(WampClientState.Connected, await states.Reader.ReadAsync().AsTask().Within());
        Assert.Equal(WampClientState.Reconnecting, await states.Reader.ReadAsync().AsTask().Within());
        Assert.Equal(WampClientState.Connected, await states.Reader.ReadAsync().AsTask().Within());

        await using var observer = new WampClient(new WampClientOptions { Url = router.Url, Realm = "realm1" });
        await observer.ConnectAsync().Within();
        var meta = observer.Meta();
        var registrationId = await meta.LookupRegistrationAsync("test.restart.echo").Within();
        Assert.NotNull(registrationId);
        Assert.Equal([args.SessionId], await meta.ListCalleesAsync(registrationId.Value).Within());
        var subscriptionId = await meta.LookupSubscriptionAsync("test.restart.news").Within();
        Assert.NotNull(subscriptionId);
        Assert.Equal([args.SessionId], await meta.ListSubscribersAsync(subscriptionId.Value).Within());
        Assert.Equal(registrationId, registration.RegistrationId);
        Assert.Equal(subscriptionId, subscription.SubscriptionId);

        Assert.Equal("again", await observer.CallAsync<string>("test.restart.echo", ["again"]).Within());
        await observer.PublishAsync("test.restart.news", ["fresh"], options: new PublishOptions { Acknowledge = true }).Within();
        Assert.Equal("fresh", await events.Task.Within());
        Assert.Equal(1, Volatile.Read(ref served));

        // Disposed, it is not restored again.
        await registration.DisposeAsync();
        Assert.Null(await meta.LookupRegistrationAsync("test.restart.echo").Within());
    }

    [Fact]
    public async Task Events_dropped_by_a_full_queue_raise_an_event_and_count_in_a_metric()
    {
        await using var router = await WampRouter.StartAsync(RouterOn(0));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        using var dropped = new MetricCollector<long>(meterFactory, WampTelemetryName, "wampy.client.events.dropped");
        var options = new WampClientOptions { Url = router.Url, Realm = "realm1", EventQueueCapacity = 2, MeterFactory = meterFactory };
        await using var subscriber = new WampClient(options);
        await subscriber.ConnectAsync().Within();
        var drops = System.Threading.Channels.Channel.CreateUnbounded<WampEventDroppedEventArgs>();
        subscriber.EventDropped += (_, e) => drops.Writer.TryWrite(e);
        var release = TaskTimeouts.Signal<bool>();
        var handling = TaskTimeouts.Signal<bool>();
        var handled = 0;
        await using var subscription = await subscriber.SubscribeAsync("test.flood", async (_, _) =>
        {
            handling.TrySetResult(true);
            await release.Task;
            Interlocked.Increment(ref handled);
        });
        await using var publisher = new WampClient(new WampClientOptions { Url = router.Url, Realm = "realm1" });
        await publisher.ConnectAsync().Within();

        await publisher.PublishAsync("test.flood", [0], options: new PublishOptions { Acknowledge = true }).Within();
        await handling.Task.Within(); // the handler holds event 0; 2 more fit in the queue; the other 3 are dropped
        for (var i = 1; i <= 5; i++)
        {
            await publisher.PublishAsync("test.flood", [i], options: new PublishOptions { Acknowledge = true }).Within();
        }

        for (var i = 0; i < 3; i++)
        {
            var drop = await drops.Reader.ReadAsync().AsTask().Within();
            Assert.Equal("test.flood", drop.Topic);
        }

        release.TrySetResult(true);
        Assert.Equal(3, dropped.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal("test.flood", dropped.LastMeasurement!.Tags["wamp.topic"]);
        Assert.False(drops.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_plain_client_reports_its_calls_in_the_Wampy_meter()
    {
        await using var router = await WampRouter.StartAsync(RouterOn(0));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        using var calls = new MetricCollector<long>(meterFactory, WampTelemetryName, "wampy.client.calls");
        using var invocations = new MetricCollector<long>(meterFactory, WampTelemetryName, "wampy.client.invocations");
        using var duration = new MetricCollector<double>(meterFactory, WampTelemetryName, "wampy.client.call.duration");
        await using var client = new WampClient(new WampClientOptions { Url = router.Url, Realm = "realm1", MeterFactory = meterFactory });
        await client.ConnectAsync().Within();
        await using var registration = await client.RegisterAsync("test.metered", (_, _) => ValueTask.FromResult(WampResult.FromValue(1)));

        Assert.Equal(1, await client.CallAsync<int>("test.metered").Within());
        await Assert.ThrowsAsync<WampNoSuchProcedureException>(() => client.CallAsync("test.missing").Within());

        var measured = calls.GetMeasurementSnapshot();
        Assert.Equal(2, measured.EvaluateAsCounter());
        Assert.Contains(measured, m => (string?)m.Tags["wamp.procedure"] == "test.missing" && (string?)m.Tags["wamp.error"] == WampErrorUris.NoSuchProcedure);
        Assert.Equal(1, invocations.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(duration.GetMeasurementSnapshot(), m => Assert.InRange(m.Value, 0, 15));
    }

    private const string WampTelemetryName = Wampy.Diagnostics.WampTelemetry.Name;
}
