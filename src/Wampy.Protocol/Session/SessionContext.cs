using Microsoft.Extensions.Logging;
using Wampy.Authentication;
using Wampy.Serialization;
using Wampy.Transports;
using Wampy.Transports.RawSocket;
using Wampy.Transports.WebSockets;

namespace Wampy.Session;

/// <summary>What every session of one client shares: the options resolved once (serializers, authenticators, transport), the clock, the logger and the client's callbacks.</summary>
internal sealed class SessionContext
{
    public SessionContext(WampClientOptions options, ILogger logger)
    {
        Options = options;
        Logger = logger;
        Time = options.TimeProvider ?? TimeProvider.System;
        Serializers = WampSerializers.Resolve(
            options.Serializers,
            options.JsonTypeInfoResolver is null ? null : Serialization.Json.WampJsonConvert.CreateOptions(null, options.JsonTypeInfoResolver));
        var authenticators = new List<IWampAuthenticator>();
        if (options.Authentication.CreateAuthenticator() is { } configured)
        {
            authenticators.Add(configured);
        }

        authenticators.AddRange(options.Authenticators);
        Authenticators = authenticators;
        var url = options.Url!;
        IsRawSocket = options.Transport is null ? url.Scheme is "tcp" or "tls" or "unix" : options.Transport is RawSocketTransport;
        var heartbeat = options.Heartbeat;
        Transport = options.Transport ?? (IsRawSocket
            ? new RawSocketTransport(new RawSocketTransportOptions
            {
                MaxMessageSize = options.MaxMessageSize,
                KeepAliveInterval = heartbeat.UseRawSocketPing ? heartbeat.Interval : TimeSpan.Zero,
                KeepAliveTimeout = heartbeat.Timeout,
                TcpKeepAliveTime = heartbeat.Interval,
                TcpKeepAliveInterval = TimeSpan.FromSeconds(Math.Max(1, heartbeat.Timeout.TotalSeconds / 3)),
                Tls = options.Tls,
                DedicatedReceiveThread = options.DedicatedReceiveThread,
            })
            : new WebSocketTransport(new WebSocketTransportOptions
            {
                MaxMessageSize = options.MaxMessageSize,
                KeepAliveInterval = heartbeat.Interval,
                KeepAliveTimeout = heartbeat.Timeout,
                Tls = options.Tls,
                Configure = options.ConfigureWebSocket,
                ConfigureHandler = options.ConfigureHttpHandler,
                DedicatedReceiveThread = options.DedicatedReceiveThread,
            }));
        if (!Transport.CanConnect(url))
        {
            throw new ArgumentException($"The transport {Transport.GetType().Name} cannot connect to '{url}'.", nameof(options));
        }

        // Over RawSocket without PING frames, liveness is checked with WAMP-level probes (see WampHeartbeatOptions).
        ProbeInterval = IsRawSocket && options.Transport is null && !heartbeat.UseRawSocketPing ? heartbeat.Interval : TimeSpan.Zero;
    }

    public WampClientOptions Options { get; }

    public ILogger Logger { get; }

    public TimeProvider Time { get; }

    public IReadOnlyList<IWampSerializer> Serializers { get; }

    public IReadOnlyList<IWampAuthenticator> Authenticators { get; }

    public IWampTransport Transport { get; }

    public bool IsRawSocket { get; }

    /// <summary>Silence after which the session sends a WAMP-level probe; zero when the transport checks liveness itself.</summary>
    public TimeSpan ProbeInterval { get; }

    /// <summary>Called (on the receive loop) when an event is dropped because its subscription's queue is full.</summary>
    public Action<string, long>? EventDropped { get; set; }
}
