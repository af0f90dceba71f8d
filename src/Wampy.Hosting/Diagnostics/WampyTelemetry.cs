using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wampy.Hosting.Diagnostics;

/// <summary>
/// The "Wampy" Meter and ActivitySource. Instruments follow OpenTelemetry naming: durations in seconds, tags
/// <c>wamp.procedure</c>, <c>wamp.topic</c>, <c>wamp.error</c>.
/// </summary>
public sealed class WampyTelemetry : IDisposable
{
    /// <summary>The name of the Meter and of the ActivitySource: <c>Wampy</c>.</summary>
    public const string Name = "Wampy";

    private static readonly string? Version = typeof(WampyTelemetry).Assembly.GetName().Version?.ToString(3);
    private readonly Meter _meter;
    private int _joined;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The host's meter factory.</param>
    public WampyTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(Name, Version);
        Calls = _meter.CreateCounter<long>("wampy.client.calls", "{call}", "Outbound calls, by procedure and error.");
        CallDuration = _meter.CreateHistogram<double>("wampy.client.call.duration", "s", "Duration of outbound calls.");
        Invocations = _meter.CreateCounter<long>("wampy.client.invocations", "{invocation}", "Invocations handled, by procedure and error.");
        InvocationDuration = _meter.CreateHistogram<double>("wampy.client.invocation.duration", "s", "Duration of invocation handlers.");
        Events = _meter.CreateCounter<long>("wampy.client.events", "{event}", "Events handled, by topic.");
        Publications = _meter.CreateCounter<long>("wampy.client.publications", "{publication}", "Events published, by topic.");
        Reconnects = _meter.CreateCounter<long>("wampy.client.reconnects", "{reconnect}", "Sessions joined again after a loss.");
        _meter.CreateObservableGauge("wampy.client.session.state", () => Volatile.Read(ref _joined), "{session}", "1 while the session is joined, else 0.");
    }

    /// <summary>The ActivitySource named <c>Wampy</c>: spans for calls, invocations, publications and events.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    internal Counter<long> Calls { get; }

    internal Histogram<double> CallDuration { get; }

    internal Counter<long> Invocations { get; }

    internal Histogram<double> InvocationDuration { get; }

    internal Counter<long> Events { get; }

    internal Counter<long> Publications { get; }

    internal Counter<long> Reconnects { get; }

    internal void SetJoined(bool joined) => Volatile.Write(ref _joined, joined ? 1 : 0);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
