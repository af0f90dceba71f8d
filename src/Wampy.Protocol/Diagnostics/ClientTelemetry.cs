using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wampy.Diagnostics;

/// <summary>
/// One client's instruments on the <c>Wampy</c> meter, and the shared <c>Wampy</c> ActivitySource, following the
/// OpenTelemetry RPC and messaging semantic conventions where they exist (<c>rpc.client.call.duration</c>,
/// <c>rpc.server.call.duration</c>, <c>messaging.process.duration</c>, in seconds with bucket advice; attributes
/// <c>rpc.system.name</c>, <c>rpc.method</c>, <c>messaging.*</c>, <c>error.type</c>, <c>server.address</c>,
/// <c>server.port</c>), and <c>wampy.client.*</c> / <c>wamp.*</c> where none exists. Nothing is measured while no
/// listener is attached (the instruments' <c>Enabled</c> is checked before any work).
/// </summary>
internal sealed class ClientTelemetry : IDisposable
{
    private static readonly string? Version = typeof(ClientTelemetry).Assembly.GetName().Version?.ToString(3);
    private readonly Meter _meter;
    private int _connected;

    /// <summary>Bucket boundaries (seconds) for durations: 100 µs to 10 s, as ASP.NET Core advises for request durations.</summary>
    private static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
    };

    public ClientTelemetry(IMeterFactory? meterFactory, Func<int> refusedBindings, Uri? url = null)
    {
        _meter = meterFactory?.Create(WampTelemetry.Name, Version) ?? new Meter(WampTelemetry.Name, Version);
        ServerAddress = url?.Host;
        ServerPort = url is { IsDefaultPort: false } ? url.Port : null;
        Calls = _meter.CreateCounter<long>("wampy.client.calls", "{call}", "Outbound calls, by procedure and error.");
        CallDuration = _meter.CreateHistogram("rpc.client.call.duration", "s", "Duration of outbound calls (RPC client).", tags: null, advice: DurationAdvice);
        Invocations = _meter.CreateCounter<long>("wampy.client.invocations", "{invocation}", "Invocations handled, by procedure and error.");
        InvocationDuration = _meter.CreateHistogram("rpc.server.call.duration", "s", "Duration of invocation handlers (RPC server).", tags: null, advice: DurationAdvice);
        EventDuration = _meter.CreateHistogram("messaging.process.duration", "s", "Duration of event handlers.", tags: null, advice: DurationAdvice);
        Events = _meter.CreateCounter<long>("wampy.client.events", "{event}", "Events handled, by topic.");
        EventsDropped = _meter.CreateCounter<long>("wampy.client.events.dropped", "{event}", "Events dropped because a subscription's queue was full, by topic.");
        Publications = _meter.CreateCounter<long>("wampy.client.publications", "{publication}", "Events published, by topic.");
        Reconnects = _meter.CreateCounter<long>("wampy.client.reconnects", "{reconnect}", "Sessions joined again after a loss.");
        _meter.CreateObservableGauge("wampy.client.bindings.refused", refusedBindings, "{binding}", "Registrations and subscriptions the router refused, retried in the background.");
        _meter.CreateObservableGauge("wampy.client.session.state", () => Volatile.Read(ref _connected), "{session}", "1 while the client is connected, else 0.");
    }

    /// <summary>The ActivitySource named <c>Wampy</c>: spans for calls, invocations, publications and events.</summary>
    public static ActivitySource ActivitySource { get; } = new(WampTelemetry.Name, Version);

    public Counter<long> Calls { get; }

    public Histogram<double> CallDuration { get; }

    public Counter<long> Invocations { get; }

    public Histogram<double> InvocationDuration { get; }

    public Counter<long> Events { get; }

    public Histogram<double> EventDuration { get; }

    /// <summary>The router's host, for <c>server.address</c>.</summary>
    public string? ServerAddress { get; }

    /// <summary>The router's port when not the scheme's default, for <c>server.port</c>.</summary>
    public int? ServerPort { get; }

    public Counter<long> EventsDropped { get; }

    public Counter<long> Publications { get; }

    public Counter<long> Reconnects { get; }

    /// <summary>Whether anything listens to calls (a metric listener or a trace listener).</summary>
    public bool CallsObserved => Calls.Enabled || CallDuration.Enabled || ActivitySource.HasListeners();

    public bool InvocationsObserved => Invocations.Enabled || InvocationDuration.Enabled || ActivitySource.HasListeners();

    public bool EventsObserved => Events.Enabled || EventDuration.Enabled || ActivitySource.HasListeners();

    /// <summary>Starts an RPC span (client or server) with the semantic-convention attributes, or none when nobody listens.</summary>
    public Activity? StartRpc(string procedure, ActivityKind kind, ActivityContext parent = default)
    {
        var activity = ActivitySource.StartActivity(procedure, kind, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system.name", "wamp");
            activity.SetTag("rpc.method", procedure);
            activity.SetTag("network.protocol.name", "wamp");
            AddServer(activity);
        }

        return activity;
    }

    /// <summary>Starts a messaging span (<c>publish</c> as producer, <c>process</c> as consumer) with the semantic-convention attributes.</summary>
    public Activity? StartMessaging(string operation, string topic, ActivityKind kind, ActivityContext parent = default)
    {
        var activity = ActivitySource.StartActivity($"{operation} {topic}", kind, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "wamp");
            activity.SetTag("messaging.destination.name", topic);
            activity.SetTag("messaging.operation.name", operation);
            activity.SetTag("messaging.operation.type", operation == "publish" ? "send" : "process");
            AddServer(activity);
        }

        return activity;
    }

    /// <summary>Marks a span failed: error status and <c>error.type</c> (the WAMP error URI, else the exception type).</summary>
    public static void Failed(Activity? activity, string errorType)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, errorType);
            activity.SetTag("error.type", errorType);
        }
    }

    private void AddServer(Activity activity)
    {
        if (ServerAddress is not null)
        {
            activity.SetTag("server.address", ServerAddress);
        }

        if (ServerPort is { } port)
        {
            activity.SetTag("server.port", port);
        }
    }

    /// <summary>
    /// Runs an RPC (a call, or a handler's invocation) inside <paramref name="activity"/>: failures set the span's error
    /// status and <c>error.type</c>; the count and the duration are recorded with the RPC tags either way.
    /// </summary>
    public async ValueTask<T> MeasureRpcAsync<T>(
        string procedure, Activity? activity, Counter<long> count, Histogram<double> duration, TimeProvider time, Func<ValueTask<T>> run)
    {
        var start = time.GetTimestamp();
        string? error = null;
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ErrorOf(ex);
            Failed(activity, error);
            throw;
        }
        finally
        {
            var tags = RpcTags(procedure, error);
            count.Add(1, tags);
            duration.Record(time.GetElapsedTime(start).TotalSeconds, tags);
        }
    }

    /// <summary>Metric tags of an RPC measurement: <c>rpc.system.name</c>, <c>rpc.method</c>, <c>error.type</c> when it failed.</summary>
    public TagList RpcTags(string procedure, string? error)
    {
        var tags = new TagList { { "rpc.system.name", "wamp" }, { "rpc.method", procedure }, { "wamp.procedure", procedure } };
        if (error is not null)
        {
            tags.Add("error.type", error);
            tags.Add("wamp.error", error);
        }

        if (ServerAddress is not null)
        {
            tags.Add("server.address", ServerAddress);
        }

        return tags;
    }

    public void SetConnected(bool connected) => Volatile.Write(ref _connected, connected ? 1 : 0);

    /// <summary>The error tag of a failure: the WAMP error URI, else the exception type.</summary>
    public static string ErrorOf(Exception exception) => exception switch
    {
        WampException wamp => wamp.Error,
        OperationCanceledException => WampErrorUris.Canceled,
        _ => exception.GetType().Name,
    };

    public void Dispose() => _meter.Dispose();
}
