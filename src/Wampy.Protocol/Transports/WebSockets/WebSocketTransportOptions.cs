using System.Net.WebSockets;

namespace Wampy.Transports.WebSockets;

/// <summary>Settings of the WebSocket transport.</summary>
public sealed class WebSocketTransportOptions
{
    /// <summary>
    /// How often a WebSocket PING is sent to check the router is alive. Default 20 seconds;
    /// <see cref="TimeSpan.Zero"/> turns keep-alive off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long to wait for the PONG before the connection is considered dead and aborted. Default 10 seconds;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> sends pings without expecting answers.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>TLS settings for <c>wss://</c>: trusted roots, client certificates, pinning.</summary>
    public WampTlsOptions Tls { get; set; } = new();

    /// <summary>The largest frame accepted from the router, in bytes. Default 16 MiB; larger frames abort the session.</summary>
    public int MaxMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Reads the connection on a thread of its own with non-blocking socket calls, and while frames arrive densely
    /// reads them in batches (it waits 50 µs before the next read instead of being woken by each frame). Default
    /// <see langword="false"/>. See <see cref="WampClientOptions.DedicatedReceiveThread"/> for when it pays.
    /// </summary>
    public bool DedicatedReceiveThread { get; set; }

    /// <summary>
    /// Adjusts the underlying <see cref="ClientWebSocketOptions"/> (request headers, HTTP version). Connection-level
    /// settings (TLS validation, client certificates, proxy) belong in <see cref="ConfigureHandler"/>.
    /// </summary>
    public Action<ClientWebSocketOptions>? Configure { get; set; }

    /// <summary>
    /// Adjusts the <see cref="SocketsHttpHandler"/> that opens the connection: <c>SslOptions</c> for TLS
    /// (certificate validation stays on unless you replace it), client certificates, connect timeout.
    /// </summary>
    public Action<SocketsHttpHandler>? ConfigureHandler { get; set; }
}
