namespace Wampy.Router;

/// <summary>
/// Settings of the embedded router, bound from the <c>WampyRouter</c> configuration section by
/// <c>AddWampyRouter(configuration)</c> or set in code.
/// </summary>
/// <remarks>
/// The embedded router is meant for development, tests and small single-process deployments.
/// Production systems keep using Crossbar.io, Bondy or another dedicated router.
/// </remarks>
public sealed class WampRouterOptions
{
    /// <summary>Whether the hosted router starts with the host. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The address to listen on: <c>127.0.0.1</c> (default, this machine only), <c>localhost</c>, an IP address,
    /// or <c>*</c> for every interface.
    /// </summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port of the WebSocket endpoint; 0 picks a free port (read it from <see cref="WampRouter.Url"/>). Default 8080.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>The HTTP path of the WebSocket endpoint. Default <c>/ws</c>.</summary>
    public string WebSocketPath { get; set; } = "/ws";

    /// <summary>
    /// The origins of browser pages, besides the endpoint's own, that may open a WebSocket, e.g.
    /// <c>https://app.example.com</c>; <c>*</c> allows any page. Default empty: a page served from the same origin as
    /// the endpoint (scheme, host and port) may connect, a page from anywhere else is refused with 403 Forbidden,
    /// and clients that send no <c>Origin</c> header (services, not browsers) are not affected.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The TCP port of the WAMP RawSocket endpoint; <see langword="null"/> (default) turns RawSocket off, 0 picks a free port.</summary>
    public int? RawSocketPort { get; set; }

    /// <summary>TLS for both endpoints (wss:// and tls://). Off by default.</summary>
    public WampRouterTlsOptions Tls { get; set; } = new();

    /// <summary>
    /// The serializers the router accepts, by name: <c>json</c>, <c>msgpack</c>, <c>cbor</c>. Default all three.
    /// Over WebSocket the client's order of preference decides among them.
    /// </summary>
    public string[] Serializers { get; set; } = ["json", "msgpack", "cbor"];

    /// <summary>The largest message the router accepts from a client, in bytes. A larger one ends that session. Default 1 MiB.</summary>
    public int MaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>
    /// How many messages may wait to be sent to one session before the router gives up on it as too slow and
    /// closes it. Default 100,000.
    /// </summary>
    public int MaxQueuedMessagesPerSession { get; set; } = 100_000;

    /// <summary>
    /// How many bytes of messages may wait to be sent to one session (a subscriber or callee that does not read)
    /// before the router closes it as too slow; memory per client stays bounded by it. Default 16 MiB.
    /// </summary>
    public long MaxQueuedBytesPerSession { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How many calls one session may have waiting for their results; a call beyond it is answered at once with
    /// <c>wampy.error.too_many_pending_calls</c>. Default 1,000.
    /// </summary>
    public int MaxPendingCallsPerSession { get; set; } = 1000;

    /// <summary>
    /// Failed authentications for one authid or from one address before each further refusal is delayed (the
    /// delay doubles from 100 ms up to <see cref="MaxAuthenticationDelay"/>). Default 5.
    /// </summary>
    public int AuthenticationFailuresBeforeDelay { get; set; } = 5;

    /// <summary>The longest delay of a refused authentication. Default 10 seconds.</summary>
    public TimeSpan MaxAuthenticationDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many connections the router keeps open at once (WebSocket and RawSocket each). Default 10,000.</summary>
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>How many connections one remote address may keep open at once; more are closed at once. Default 200.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 200;

    /// <summary>The clock for handshake, authentication-delay and close timeouts; tests pass a FakeTimeProvider. Not bound from configuration.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How long a client has to complete HELLO and authentication. Default 10 seconds. The HTTP request that opens a
    /// WebSocket must also arrive within it (a connection that sends nothing is closed).
    /// </summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the router waits for clients to answer its GOODBYE when it stops. Default 5 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Interval of WebSocket keep-alive pings the router sends. Default 30 seconds; <see cref="TimeSpan.Zero"/> turns them off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether URIs must follow the spec's strict rules (components of <c>a-z</c>, <c>0-9</c> and <c>_</c>).
    /// Default <see langword="false"/>: the loose rules (no empty component, no whitespace, no <c>#</c>).
    /// </summary>
    public bool StrictUris { get; set; }

    /// <summary>
    /// The realms. When empty, the router serves one realm, <c>realm1</c>, open to anonymous clients with every
    /// action allowed, which is what a development setup wants.
    /// </summary>
    public List<WampRealmOptions> Realms { get; set; } = [];
}
