using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Wampy.TestPeers;

namespace Wampy.Hosting.Tests;

/// <summary>
/// A worker with handler classes, joined to fox-wamp, called by an Autobahn|JS peer; the handlers are bound by the
/// start-up binder (reflection) or by the code Wampy's source generator wrote, and every test runs against both.
/// </summary>
public abstract class BoundWorkerFixture(bool generated) : IAsyncLifetime
{
    public FoxRouter Router { get; } = new();

    public WorkerHost Worker { get; private set; } = null!;

    public AutobahnPeer Peer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Router.InitializeAsync();
        Worker = await WorkerHost.StartJoinedAsync(Router.Url, generated: generated);
        Peer = await AutobahnPeer.StartAsync(Router.Url, Router.Realm);
        await Peer.RegisterAsync("js.echo", "echo");
    }

    public async Task DisposeAsync()
    {
        await Peer.DisposeAsync();
        await Worker.DisposeAsync();
        await Router.DisposeAsync();
    }
}

public sealed class RuntimeBoundWorkerFixture() : BoundWorkerFixture(generated: false);

public sealed class GeneratedBoundWorkerFixture() : BoundWorkerFixture(generated: true);

/// <summary>The handler-binding tests with the start-up (reflection) binder.</summary>
public sealed class RuntimeBinderTests(RuntimeBoundWorkerFixture fixture) : HandlerBindingTests<RuntimeBoundWorkerFixture>(fixture);

/// <summary>The same tests with the handlers described at compile time by the source generator.</summary>
public sealed class GeneratedBinderTests(GeneratedBoundWorkerFixture fixture) : HandlerBindingTests<GeneratedBoundWorkerFixture>(fixture)
{
    [Fact]
    public void The_worker_runs_the_generated_descriptors()
    {
        Assert.Contains(WampyGeneratedHandlers.All, d => d.HandlerType == typeof(CalculatorHandler));
        Assert.Contains(WampyGeneratedHandlers.All, d => d.HandlerType == typeof(NewsHandler));
    }
}

public abstract class HandlerBindingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : BoundWorkerFixture
{
    private AutobahnPeer Peer => fixture.Peer;

    private static JsonNode? Result(JsonObject reply)
    {
        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        return reply["args"]![0];
    }

    [Fact]
    public async Task Procedures_bind_positional_arguments()
    {
        Assert.Equal(5, Result(await Peer.CallAsync("calc.add", new JsonArray(2, 3)))!.GetValue<int>());
    }

    [Fact]
    public async Task Procedures_bind_keyword_arguments_by_name_with_defaults_for_the_rest()
    {
        Assert.Equal("Hello, Ann!", Result(await Peer.CallAsync("calc.greet", null, new JsonObject { ["name"] = "Ann" }))!.GetValue<string>());
        Assert.Equal("Hi, Bo!", Result(await Peer.CallAsync("calc.greet", null, new JsonObject { ["name"] = "Bo", ["greeting"] = "Hi" }))!.GetValue<string>());
        Assert.Equal("Hey, Cy!", Result(await Peer.CallAsync("calc.greet", new JsonArray("Cy", "Hey")))!.GetValue<string>());
    }

    [Fact]
    public async Task A_poco_parameter_binds_from_the_keyword_arguments_as_a_whole()
    {
        var reply = await Peer.CallAsync("calc.total", null, new JsonObject { ["amounts"] = new JsonArray(1.5, 2.5), ["customer"] = "c" });
        Assert.Equal(4m, Result(reply)!.GetValue<decimal>());
    }

    [Fact]
    public async Task Byte_arrays_bind_both_ways()
    {
        var reply = await Peer.CallAsync("calc.binary", new JsonArray("\u0000AQID"));
        Assert.Equal("\u0000AwIB", Result(reply)!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_argument_reaches_the_caller_as_invalid_argument()
    {
        // fox-wamp delivers a callee's error as wamp.error.callee_failure with the URI as args[0].
        var reply = await Peer.CallAsync("calc.add", new JsonArray(1));
        Assert.False(reply["ok"]!.GetValue<bool>());
        Assert.Equal(WampErrorUris.InvalidArgument, reply["args"]![0]!.GetValue<string>());

        var text = await Peer.CallAsync("calc.add", new JsonArray("x", 2));
        Assert.Equal(WampErrorUris.InvalidArgument, text["args"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Handler_exceptions_reach_the_caller_as_errors()
    {
        var crash = await Peer.CallAsync("calc.fail");
        Assert.Equal("wamp.error.callee_failure", crash["error"]!.GetValue<string>());
        Assert.Equal(WampErrorUris.RuntimeError, crash["args"]![0]!.GetValue<string>());

        var custom = await Peer.CallAsync("calc.custom");
        Assert.Equal("com.example.error.custom", custom["args"]![0]!.GetValue<string>());

        Assert.Equal(5, Result(await Peer.CallAsync("calc.add", new JsonArray(2, 3)))!.GetValue<int>());
    }

    [Fact]
    public async Task Each_invocation_gets_its_own_di_scope_disposed_after_it()
    {
        var log = fixture.Worker.Services.GetRequiredService<ProbeLog>();
        var first = Result(await Peer.CallAsync("calc.scope"))!.GetValue<string>();
        var second = Result(await Peer.CallAsync("calc.scope"))!.GetValue<string>();

        Assert.NotEqual(first, second);
        Assert.Contains(first, log.Created);
        Assert.Contains(second, log.Created);
        Assert.Contains(first, log.Disposed);
        Assert.Contains(second, log.Disposed);
    }

    [Fact]
    public async Task Topic_handlers_receive_events_with_their_details()
    {
        var sink = fixture.Worker.Services.GetRequiredService<EventSink>();
        await Peer.PublishAsync("events.news", new JsonArray("wampy ships", 2));
        await Peer.PublishAsync("events.news", null, new JsonObject { ["headline"] = "kwargs too" });

        Assert.True(sink.Received.TryTake(out var first, TaskTimeouts.Default));
        Assert.Equal(("wampy ships", 2, "events.news"), first);
        Assert.True(sink.Received.TryTake(out var second, TaskTimeouts.Default));
        Assert.Equal(("kwargs too", 0, "events.news"), second);
    }

    [Fact]
    public async Task The_injected_client_calls_out_and_publishes()
    {
        var client = fixture.Worker.Client;
        Assert.Equal(WampClientState.Connected, client.State);
        Assert.Equal("ping", await client.CallAsync<string>("js.echo", ["ping"]).Within());

        var sink = fixture.Worker.Services.GetRequiredService<EventSink>();
        await client.PublishAsync("events.news", ["from the worker", 1], options: new PublishOptions { Acknowledge = true, ExcludeMe = false }).Within();
        Assert.True(sink.Received.TryTake(out var got, TaskTimeouts.Default));
        Assert.Equal("from the worker", got.Headline);
    }

    [Fact]
    public async Task Calls_and_invocations_are_traced_with_the_wampy_activity_source()
    {
        var activities = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Wampy",
            Sample = static (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        await fixture.Worker.Client.CallAsync("calc.add", [20, 22]).Within();

        // Other test classes call calc.add meanwhile: look for matches, not for the only ones.
        Assert.Contains(activities, a => a.DisplayName == "calc.add" && a.Kind == System.Diagnostics.ActivityKind.Client);
        Assert.Contains(activities, a => a.DisplayName == "calc.add" && a.Kind == System.Diagnostics.ActivityKind.Server
            && (string?)a.GetTagItem("rpc.method") == "calc.add" && (string?)a.GetTagItem("rpc.system.name") == "wamp");
    }

    [Fact]
    public async Task Invocations_and_calls_are_counted_in_the_wampy_meter()
    {
        using var invocations = new MetricCollector<long>(
            fixture.Worker.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "Wampy", "wampy.client.invocations");
        using var calls = new MetricCollector<long>(
            fixture.Worker.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "Wampy", "wampy.client.calls");

        await Peer.CallAsync("calc.add", new JsonArray(1, 1));
        await fixture.Worker.Client.CallAsync("js.echo", [1]).Within();

        Assert.Contains(invocations.GetMeasurementSnapshot(), m => (string?)m.Tags["wamp.procedure"] == "calc.add" && m.Value == 1);
        Assert.Contains(calls.GetMeasurementSnapshot(), m => (string?)m.Tags["wamp.procedure"] == "js.echo" && !m.Tags.ContainsKey("wamp.error"));
    }
}
