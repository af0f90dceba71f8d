namespace Wampy.Hosting;

/// <summary>Keep-alive: WebSocket PINGs every <see cref="Interval"/>; no PONG within <see cref="Timeout"/> means the router is gone.</summary>
public sealed class WampyHeartbeatOptions
{
    /// <summary>How often to ping. Default 20 seconds; <see cref="TimeSpan.Zero"/> turns heartbeats off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for the PONG before reconnecting. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
