namespace Wampy.Transports.RawSocket;

/// <summary>Settings of the RawSocket transport (<c>tcp://</c>, <c>tls://</c>, <c>unix://</c>).</summary>
public sealed class RawSocketTransportOptions
{
    /// <summary>
    /// The largest message accepted from the router, announced in the handshake as a power of two between
    /// 512 B and 16 MiB (rounded up). Default 16 MiB.
    /// </summary>
    public int MaxMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>How often a RawSocket PING checks the router is alive. Default 20 seconds; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for the PONG before the connection is considered dead and dropped. Default 10 seconds.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>TLS settings for <c>tls://</c>: trusted roots, client certificates, pinning.</summary>
    public WampTlsOptions Tls { get; } = new();
}
