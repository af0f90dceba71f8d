using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace WorkerService;

/// <summary>
/// Exports Wampy's traces and metrics (client and router: every source and meter whose name starts with
/// <c>Wampy</c>) when configured, off by default: <c>Telemetry:Exporter</c> = <c>console</c>, or <c>otlp</c> with
/// <c>Telemetry:OtlpEndpoint</c> (e.g. http://localhost:4317).
/// </summary>
public static class SampleTelemetry
{
    public static IServiceCollection AddSampleTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = configuration["Exporter"];
        if (string.IsNullOrEmpty(exporter) || exporter == "none")
        {
            return services;
        }

        var otlp = configuration["OtlpEndpoint"];
        services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddSource("Wampy*");
                if (exporter == "otlp")
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(otlp ?? "http://localhost:4317"));
                }
                else
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("Wampy*");
                if (exporter == "otlp")
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp ?? "http://localhost:4317"));
                }
                else
                {
                    metrics.AddConsoleExporter();
                }
            });
        return services;
    }
}
