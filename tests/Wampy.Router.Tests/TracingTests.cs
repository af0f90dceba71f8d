using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Wampy.Hosting;
using Wampy.Testing;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>A handler the tracing tests call in a host of its own.</summary>
public sealed class TracedHandler
{
    [WampProcedure("com.traced.hosted")]
    public string Hosted(string text) => text.ToUpperInvariant();
}

/// <summary>
/// Distributed tracing with the OpenTelemetry SDK and its in-memory exporter, as a user would set it up
/// (<c>AddSource("Wampy*")</c>): one trace from caller through router to callee, and from publisher through router
/// to subscriber, with the semantic-convention attributes. Spans are picked out by the test's own trace id.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class TracingTests : IAsyncLifetime
{
    private static readonly ActivitySource Test = new("Wampy.Tests.Tracing");
    private readonly List<Activity> _spans = [];
    private TracerProvider _tracing = null!;
    private WampRouter _router = null!;

    public async Task InitializeAsync()
    {
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource("Wampy*").SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(_spans).Build()!;
        _router = await WampRouter.StartAsync(new WampRouterOptions { Port = 0, ShutdownTimeout = TimeSpan.FromSeconds(2) });
    }

    public async Task DisposeAsync()
    {
        await _router.DisposeAsync();
        _tracing.Dispose();
    }

    private async Task<WampClient> JoinAsync(Action<WampClientOptions>? configure = null)
    {
        var options = new WampClientOptions { Url = _router.Url, Realm = "realm1" };
        configure?.Invoke(options);
        var client = new WampClient(options);
        await client.ConnectAsync().Within();
        return client;
    }

    /// <summary>The finished spans of one trace (the exporter gets a span when it ends), waiting for <paramref name="count"/> of them.</summary>
    private async Task<List<Activity>> TraceAsync(ActivityTraceId traceId, int count)
    {
        using var timeout = new CancellationTokenSource(TaskTimeouts.Default);
        while (true)
        {
            _tracing.ForceFlush();
            List<Activity> trace;
            lock (_spans)
            {
                // The test's own root span matches "Wampy*" too; it is not one of the spans counted.
                trace = _spans.Where(s => s.TraceId == traceId && s.Source != Test).ToList();
            }

            if (trace.Count >= count)
            {
                return trace;
            }

            await Task.Delay(20, timeout.Token); // spans end on other threads; bounded
        }
    }

    [Fact]
    public async Task A_call_is_one_trace_from_caller_through_router_to_callee()
    {
        await using var callee = await JoinAsync();
        await using var registration = await callee.RegisterAsync("com.traced.echo", (i, _) => ValueTask.FromResult(new WampResult(i.Arguments)));
        await using var caller = await JoinAsync();

        using var root = Test.StartActivity("test")!;
        await caller.CallAsync("com.traced.echo", ["hi"]).Within();
        root.Stop();

        var trace = await TraceAsync(root.TraceId, 3);
        var call = Assert.Single(trace, s => s.Kind == ActivityKind.Client);
        var route = Assert.Single(trace, s => s.Source.Name == "Wampy.Router");
        var invoke = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal(root.SpanId, call.ParentSpanId);
        Assert.Equal(call.SpanId, route.ParentSpanId);
        Assert.Equal(route.SpanId, invoke.ParentSpanId);
        Assert.Equal("com.traced.echo", call.DisplayName);
        Assert.Equal("wamp", call.GetTagItem("rpc.system.name"));
        Assert.Equal("com.traced.echo", call.GetTagItem("rpc.method"));
        Assert.Equal("127.0.0.1", call.GetTagItem("server.address"));
        Assert.Equal(_router.Url.Port, call.GetTagItem("server.port"));
        Assert.Equal("com.traced.echo", invoke.GetTagItem("rpc.method"));
    }

    [Fact]
    public async Task A_failed_call_carries_the_error_uri_as_error_type()
    {
        await using var caller = await JoinAsync();

        using var root = Test.StartActivity("test")!;
        await Assert.ThrowsAsync<WampNoSuchProcedureException>(() => caller.CallAsync("com.traced.missing").Within());
        root.Stop();

        var call = Assert.Single(await TraceAsync(root.TraceId, 1), s => s.Kind == ActivityKind.Client);
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.Equal(WampErrorUris.NoSuchProcedure, call.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_publication_is_one_trace_from_publisher_through_router_to_each_subscriber()
    {
        await using var first = await JoinAsync();
        await using var second = await JoinAsync();
        var handled = new CountdownEvent(2);
        WampEventHandler handler = (_, _) =>
        {
            handled.Signal();
            return ValueTask.CompletedTask;
        };
        await using var a = await first.SubscribeAsync("com.traced.news", handler);
        await using var b = await second.SubscribeAsync("com.traced.news", handler);
        await using var publisher = await JoinAsync();

        using var root = Test.StartActivity("test")!;
        await publisher.PublishAsync("com.traced.news", ["x"], options: new PublishOptions { Acknowledge = true }).Within();
        root.Stop();

        var trace = await TraceAsync(root.TraceId, 4);
        var publish = Assert.Single(trace, s => s.Kind == ActivityKind.Producer);
        var route = Assert.Single(trace, s => s.Source.Name == "Wampy.Router");
        var processes = trace.Where(s => s.Kind == ActivityKind.Consumer).ToList();
        Assert.Equal(2, processes.Count);
        Assert.Equal("publish com.traced.news", publish.DisplayName);
        Assert.Equal("send", publish.GetTagItem("messaging.operation.type"));
        Assert.Equal(publish.SpanId, route.ParentSpanId);
        Assert.All(processes, p =>
        {
            Assert.Equal(route.SpanId, p.ParentSpanId);
            Assert.Equal("process com.traced.news", p.DisplayName);
            Assert.Equal("wamp", p.GetTagItem("messaging.system"));
            Assert.Equal("com.traced.news", p.GetTagItem("messaging.destination.name"));
        });
    }

    [Fact]
    public async Task A_call_into_another_host_continues_the_trace()
    {
        var fixture = new WampRouterFixture();
        await fixture.InitializeAsync();
        try
        {
            await using var worker = await fixture.StartWorkerAsync(wampy => wampy.AddHandler<TracedHandler>());
            await using var caller = await fixture.ConnectAsync();

            using var root = Test.StartActivity("test")!;
            Assert.Equal("HI", await caller.CallAsync<string>("com.traced.hosted", ["hi"]).Within());
            root.Stop();

            var trace = await TraceAsync(root.TraceId, 3);
            var invoke = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
            var route = Assert.Single(trace, s => s.Source.Name == "Wampy.Router");
            Assert.Equal(route.SpanId, invoke.ParentSpanId);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task Through_fox_wamp_the_callee_starts_a_trace_of_its_own_and_nothing_fails()
    {
        await using var fox = new FoxRouter();
        await fox.InitializeAsync();
        await using var callee = await fox.ConnectAsync();
        await using var registration = await callee.RegisterAsync("com.traced.fox", (i, _) => ValueTask.FromResult(new WampResult(i.Arguments)));
        await using var caller = await fox.ConnectAsync();
        var invoked = TaskTimeouts.Signal<ActivityTraceId>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Wampy",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.Kind == ActivityKind.Server && a.DisplayName == "com.traced.fox")
                {
                    invoked.TrySetResult(a.TraceId);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var root = Test.StartActivity("test")!;
        Assert.Equal("ok", (await caller.CallAsync("com.traced.fox", ["ok"]).Within()).Arguments.Get<string>(0));
        root.Stop();

        // fox-wamp drops the CALL's trace attributes: the callee's span is the root of a new trace.
        Assert.NotEqual(root.TraceId, await invoked.Task.Within());
    }

    [Fact]
    public void Duration_histograms_carry_bucket_advice_in_seconds()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var histograms = new List<Histogram<double>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument is Histogram<double> histogram)
                {
                    lock (histograms)
                    {
                        histograms.Add(histogram);
                    }
                }
            },
        };
        listener.Start();

        _ = new WampClient(new WampClientOptions { Url = new Uri("ws://127.0.0.1:1/ws"), Realm = "realm1", MeterFactory = meters });

        Assert.Equal(["messaging.process.duration", "rpc.client.call.duration", "rpc.server.call.duration"], histograms.Select(h => h.Name).Order(StringComparer.Ordinal));
        Assert.All(histograms, h =>
        {
            Assert.Equal("s", h.Unit);
            var buckets = h.Advice!.HistogramBucketBoundaries!;
            Assert.Equal(0.0001, buckets[0]);
            Assert.Equal(10, buckets[^1]);
        });
    }
}

/// <summary>Tracing tests listen to every Wampy source of the process: they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "Tracing";
}
