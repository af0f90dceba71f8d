namespace Wampy.Transports.RawSocket;

/// <summary>Settings of the RawSocket transport (<c>tcp://</c>, <c>tls://</c>, <c>unix://</c>).</summary>
public sealed class RawSocketTransportOptions
{
    /// <summary>
    /// The largest message accepted from the router, announced in the handshake as a power of two between
    /// 512 B and 16 MiB (rounded up). Default 16 MiB.
    /// </summary>
    public int MaxMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How often a RawSocket PING checks the router is alive. Default <see cref="TimeSpan.Zero"/> (off): Crossbar.io
    /// and other routers do not understand PING frames and drop the connection; <see cref="WampClient"/> probes at
    /// the WAMP level instead (see <see cref="WampHeartbeatOptions"/>).
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; }

    /// <summary>How long to wait for the PONG before the connection is considered dead and dropped. Default 10 seconds.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>TLS settings for <c>tls://</c>: trusted roots, client certificates, pinning.</summary>
    public WampTlsOptions Tls { get; set; } = new();

    /// <summary>
    /// TCP keep-alive: the idle time before the first probe. Default 20 seconds; <see cref="TimeSpan.Zero"/> turns
    /// TCP keep-alive off. The operating system drops a connection whose probes go unanswered (a dead network or host).
    /// </summary>
    public TimeSpan TcpKeepAliveTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>TCP keep-alive: the time between unanswered probes. Default 5 seconds.</summary>
    public TimeSpan TcpKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reads the connection on a thread of its own with non-blocking socket calls, and while frames arrive densely
    /// reads them in batches (it waits 50 µs before the next read instead of being woken by each frame). Default
    /// <see langword="false"/>. See <see cref="WampClientOptions.DedicatedReceiveThread"/> for when it pays.
    /// </summary>
    public bool DedicatedReceiveThread { get; set; }

    /// <summary>TCP keep-alive: how many unanswered probes drop the connection. Default 3.</summary>
    public int TcpKeepAliveRetryCount { get; set; } = 3;
}
