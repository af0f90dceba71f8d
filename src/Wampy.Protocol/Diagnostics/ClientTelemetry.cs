using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wampy.Diagnostics;

/// <summary>
/// One client's instruments on the <c>Wampy</c> meter, and the shared <c>Wampy</c> ActivitySource. Durations are in
/// seconds; tags <c>wamp.procedure</c>, <c>wamp.topic</c>, <c>wamp.error</c>. Nothing is measured while no
/// listener is attached (the instruments' <c>Enabled</c> is checked before any work).
/// </summary>
internal sealed class ClientTelemetry : IDisposable
{
    private static readonly string? Version = typeof(ClientTelemetry).Assembly.GetName().Version?.ToString(3);
    private readonly Meter _meter;
    private int _connected;

    public ClientTelemetry(IMeterFactory? meterFactory, Func<int> refusedBindings)
    {
        _meter = meterFactory?.Create(WampTelemetry.Name, Version) ?? new Meter(WampTelemetry.Name, Version);
        Calls = _meter.CreateCounter<long>("wampy.client.calls", "{call}", "Outbound calls, by procedure and error.");
        CallDuration = _meter.CreateHistogram<double>("wampy.client.call.duration", "s", "Duration of outbound calls.");
        Invocations = _meter.CreateCounter<long>("wampy.client.invocations", "{invocation}", "Invocations handled, by procedure and error.");
        InvocationDuration = _meter.CreateHistogram<double>("wampy.client.invocation.duration", "s", "Duration of invocation handlers.");
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

    public Counter<long> EventsDropped { get; }

    public Counter<long> Publications { get; }

    public Counter<long> Reconnects { get; }

    /// <summary>Whether anything listens to calls (a metric listener or a trace listener).</summary>
    public bool CallsObserved => Calls.Enabled || CallDuration.Enabled || ActivitySource.HasListeners();

    public bool InvocationsObserved => Invocations.Enabled || InvocationDuration.Enabled || ActivitySource.HasListeners();

    public bool EventsObserved => Events.Enabled || ActivitySource.HasListeners();

    public void SetConnected(bool connected) => Volatile.Write(ref _connected, connected ? 1 : 0);

    public static TagList Tags(string key, string value, string? error)
    {
        var tags = new TagList { { key, value } };
        if (error is not null)
        {
            tags.Add("wamp.error", error);
        }

        return tags;
    }

    /// <summary>The error tag of a failure: the WAMP error URI, else the exception type.</summary>
    public static string ErrorOf(Exception exception) => exception switch
    {
        WampException wamp => wamp.Error,
        OperationCanceledException => WampErrorUris.Canceled,
        _ => exception.GetType().Name,
    };

    public void Dispose() => _meter.Dispose();
}
