namespace Wampy;

/// <summary>
/// Liveness checks that detect a dead router or network (<c>Wampy:Heartbeat</c>). Over WebSocket: a PING every
/// <see cref="Interval"/>, and no PONG within <see cref="Timeout"/> ends the session. Over RawSocket, where many
/// routers (Crossbar.io among them) do not understand RawSocket PING frames: TCP keep-alive probes after
/// <see cref="Interval"/> of silence, and a WAMP-level probe (a CALL of <c>wamp.session.get</c>, which every router
/// answers with a result or an error) when nothing arrived for <see cref="Interval"/>; no frame within
/// <see cref="Timeout"/> ends the session. A lost session is joined again per <see cref="WampClientOptions.Reconnect"/>.
/// </summary>
public sealed class WampHeartbeatOptions
{
    /// <summary>How long the connection may be silent before it is probed. Default 20 seconds; <see cref="TimeSpan.Zero"/> turns heartbeats off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for an answer to a probe before the session is considered lost. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Over RawSocket, send RawSocket PING frames instead of WAMP-level probes. Only for routers that implement
    /// RawSocket PING/PONG (Wampy.Router, Autobahn|Python); Crossbar.io drops the connection at the first PING.
    /// Default <see langword="false"/>.
    /// </summary>
    public bool UseRawSocketPing { get; set; }
}
