using System.Diagnostics.Metrics;

namespace Wampy.Router.Diagnostics;

/// <summary>
/// The router's metrics, on a Meter named <c>Wampy.Router</c>: sessions, routed calls, delivered events, and
/// sessions aborted for breaking the protocol. Add them to OpenTelemetry with <c>.AddMeter("Wampy.Router")</c>.
/// </summary>
internal sealed class RouterTelemetry : IDisposable
{
    public const string MeterName = "Wampy.Router";

    private readonly Meter _meter;

    public RouterTelemetry(IMeterFactory? meterFactory)
    {
        var version = typeof(RouterTelemetry).Assembly.GetName().Version?.ToString(3);
        _meter = meterFactory?.Create(MeterName, version) ?? new Meter(MeterName, version);
        Sessions = _meter.CreateUpDownCounter<long>("wampy.router.sessions", "{session}", "Sessions joined and not left, by realm.");
        Calls = _meter.CreateCounter<long>("wampy.router.calls", "{call}", "Calls routed to a callee or answered by the meta API, by realm.");
        Events = _meter.CreateCounter<long>("wampy.router.events", "{event}", "Events delivered to subscribers, by realm.");
        Aborts = _meter.CreateCounter<long>("wampy.router.aborts", "{session}", "Sessions the router aborted, by reason.");
        SlowConsumers = _meter.CreateCounter<long>("wampy.router.slow_consumers", "{session}", "Sessions closed because too much waited to be sent to them.");
        FailedAuthentications = _meter.CreateCounter<long>("wampy.router.authentication.failures", "{attempt}", "Refused authentications, by realm and method.");
    }

    public UpDownCounter<long> Sessions { get; }

    public Counter<long> Calls { get; }

    public Counter<long> Events { get; }

    public Counter<long> Aborts { get; }

    public Counter<long> SlowConsumers { get; }

    public Counter<long> FailedAuthentications { get; }

    public void Dispose() => _meter.Dispose();
}
