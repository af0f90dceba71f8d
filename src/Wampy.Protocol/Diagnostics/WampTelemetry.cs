namespace Wampy.Diagnostics;

/// <summary>The names under which every <see cref="WampClient"/> reports metrics and traces.</summary>
public static class WampTelemetry
{
    /// <summary>
    /// The name of the Meter and of the ActivitySource: <c>Wampy</c>. With OpenTelemetry,
    /// <c>AddMeter(WampTelemetry.Name)</c> and <c>AddSource(WampTelemetry.Name)</c>.
    /// </summary>
    public const string Name = "Wampy";
}
