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

    /// <summary>How long a client has to complete HELLO and authentication. Default 10 seconds.</summary>
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
