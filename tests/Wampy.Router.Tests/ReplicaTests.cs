using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Wampy.Hosting;
using Wampy.Testing;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>The replica this host is; each worker host registers its own.</summary>
public sealed record Replica(string Name);

/// <summary>A service as replicas run it: one procedure everyone shares, one topic, one procedure of its own.</summary>
public sealed class ReplicatedService(Replica replica, ReplicaEvents events)
{
    [WampProcedure("replica.which")]
    public string Which() => replica.Name;

    [WampProcedure("replica.owned", Invoke = WampInvocationPolicy.Single)]
    public string Owned() => replica.Name;

    [WampTopic("replica.news")]
    public void OnNews(string text) => events.Received.Writer.TryWrite($"{replica.Name}:{text}");
}

/// <summary>Events received by the replicas of one test.</summary>
public sealed class ReplicaEvents
{
    public System.Threading.Channels.Channel<string> Received { get; } = System.Threading.Channels.Channel.CreateUnbounded<string>();
}

/// <summary>Several copies of one worker (replicas) against one router: they share procedures, or one owns them and the others wait.</summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private readonly WampRouterFixture _router = new();
    private readonly ReplicaEvents _events = new();

    public Task InitializeAsync() => _router.InitializeAsync();

    public Task DisposeAsync() => _router.DisposeAsync();

    private Task<WampyTestHost> StartReplicaAsync(string name, Action<WampyOptions>? configure = null) =>
        _router.StartWorkerAsync(
            wampy => wampy.AddHandler<ReplicatedService>(),
            services =>
            {
                services.AddSingleton(new Replica(name));
                services.AddSingleton(_events);
                services.AddHealthChecks().AddWampy();
            },
            configure);

    private static async Task<Dictionary<string, int>> CallManyAsync(IWampClient caller, int count)
    {
        var served = new Dictionary<string, int>();
        for (var i = 0; i < count; i++)
        {
            var name = await caller.CallAsync<string>("replica.which").Within();
            served[name] = served.GetValueOrDefault(name) + 1;
        }

        return served;
    }

    private static async Task<HealthStatus> HealthAsync(WampyTestHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status;

    [Fact]
    public async Task Three_replicas_share_a_procedure_by_default_and_a_stopped_one_leaves_the_others_serving()
    {
        var a = await StartReplicaAsync("a");
        await using var b = await StartReplicaAsync("b");
        await using var c = await StartReplicaAsync("c");
        await using var caller = await _router.ConnectAsync();

        var served = await CallManyAsync(caller, 30);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 10, ["b"] = 10, ["c"] = 10 }, served);
        // The shared procedure is bound everywhere; only the one marked Invoke = Single is refused to b and c.
        Assert.Equal(HealthStatus.Healthy, await HealthAsync(a));
        Assert.Equal(HealthStatus.Degraded, await HealthAsync(b));
        Assert.Contains("replica.owned", Assert.Single(((WampClient)b.Client).RefusedBindings), StringComparison.Ordinal);

        // Calls keep flowing while replica a shuts down: it unregisters first and finishes what it has in flight.
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var calls = 0;
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await caller.CallAsync<string>("replica.which").Within();
                    Interlocked.Increment(ref calls);
                }
                catch (WampyException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await a.DisposeAsync();
        await stop.CancelAsync();
        await load.Within();
        Assert.Equal(0, failures);
        Assert.True(calls > 0);

        served = await CallManyAsync(caller, 20);
        Assert.Equal(new Dictionary<string, int> { ["b"] = 10, ["c"] = 10 }, served);

        // A replica started again joins the rotation.
        await using var again = await StartReplicaAsync("a");
        served = await CallManyAsync(caller, 30);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 10, ["b"] = 10, ["c"] = 10 }, served);
    }

    [Fact]
    public async Task A_second_owner_of_a_single_procedure_keeps_serving_the_rest_reports_degraded_and_takes_over()
    {
        var first = await StartReplicaAsync("first");
        await using var second = await StartReplicaAsync("second");
        await using var caller = await _router.ConnectAsync();
        var secondClient = (WampClient)second.Client;

        Assert.Equal(WampClientState.Connected, secondClient.State);
        Assert.Equal(HealthStatus.Degraded, await HealthAsync(second));
        var refused = Assert.Single(secondClient.RefusedBindings);
        Assert.Contains("replica.owned", refused, StringComparison.Ordinal);
        Assert.Contains(WampErrorUris.ProcedureAlreadyExists, refused, StringComparison.Ordinal);
        Assert.Equal("first", await caller.CallAsync<string>("replica.owned").Within());

        // The second replica serves its shared procedure and its subscription meanwhile.
        var served = await CallManyAsync(caller, 4);
        Assert.Equal(new Dictionary<string, int> { ["first"] = 2, ["second"] = 2 }, served);
        await caller.PublishAsync("replica.news", ["hello"], options: new PublishOptions { Acknowledge = true, ExcludeMe = true }).Within();
        var received = new[] { await _events.Received.Reader.ReadAsync().AsTask().Within(), await _events.Received.Reader.ReadAsync().AsTask().Within() };
        Assert.Equal(["first:hello", "second:hello"], received.Order());

        await first.DisposeAsync();
        var owner = await OwnerAfterTakeOverAsync(caller);
        Assert.Equal("second", owner);
        using (var timeout = new CancellationTokenSource(TaskTimeouts.Default))
        {
            while (secondClient.RefusedBindings.Count > 0)
            {
                await Task.Delay(10, timeout.Token); // the retry forgets the refusal right after its REGISTERED; bounded
            }
        }

        Assert.Equal(HealthStatus.Healthy, await HealthAsync(second));
    }

    /// <summary>Calls replica.owned until someone serves it again (the refused replica retries with backoff), bounded.</summary>
    private async Task<string> OwnerAfterTakeOverAsync(IWampClient caller)
    {
        await _router.WaitForRegistrationAsync("replica.owned");
        return await caller.CallAsync<string>("replica.owned").Within();
    }

    [Fact]
    public async Task Single_from_configuration_makes_replicas_exclusive_and_StopOnRefusedBinding_makes_a_refusal_fatal()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wampy:Registration:Invoke"] = "single",
            ["Wampy:StopOnRefusedBinding"] = "true",
        }).Build();
        void FromConfiguration(WampyOptions o) => configuration.GetSection("Wampy").Bind(o);

        await using var first = await StartReplicaAsync("first", FromConfiguration);
        Assert.Equal(WampInvocationPolicy.Single, first.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WampyOptions>>().Value.Registration.Invoke);
        var second = _router.CreateWorker(
            wampy => wampy.AddHandler<ReplicatedService>(),
            services =>
            {
                services.AddSingleton(new Replica("second"));
                services.AddSingleton(_events);
            },
            FromConfiguration);
        await using var _ = second;
        var stopping = TaskTimeouts.Signal<bool>();
        var lifetime = second.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() => stopping.TrySetResult(true));

        await second.Host.StartAsync().Within();

        await stopping.Task.Within();
        Assert.Equal(WampClientState.Failed, second.Client.State);
        await using var caller = await _router.ConnectAsync();
        Assert.Equal("first", await caller.CallAsync<string>("replica.which").Within());
    }
}
