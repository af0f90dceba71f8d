namespace Wampy.Hosting;

/// <summary>
/// Settings of the hosted WAMP session, usually bound from the <c>Wampy</c> section of appsettings.json.
/// Validated when the host starts; each message names the configuration key at fault.
/// </summary>
public sealed class WampyOptions
{
    /// <summary>The configuration section Wampy binds by default: <c>Wampy</c>.</summary>
    public const string SectionName = "Wampy";

    /// <summary>The router address: <c>ws://</c>, <c>wss://</c> (WebSocket), <c>tcp://</c>, <c>tls://</c> or <c>unix:///path</c> (RawSocket). Required.</summary>
    public string? Url { get; set; }

    /// <summary>The realm to join. Required.</summary>
    public string? Realm { get; set; }

    /// <summary>Serializers in order of preference (<c>json</c>, <c>msgpack</c>, <c>cbor</c>); the router picks one. Default all three, JSON first.</summary>
    public IList<string> Serializers { get; set; } = ["json", "msgpack", "cbor"];

    /// <summary>WebSocket keep-alive pings that detect a dead router.</summary>
    public WampyHeartbeatOptions Heartbeat { get; set; } = new();

    /// <summary>How reconnection backs off.</summary>
    public WampyReconnectOptions Reconnect { get; set; } = new();

    /// <summary>Authentication; anonymous when <see cref="WampyAuthenticationOptions.Method"/> is not set.</summary>
    public WampyAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>TLS for <c>wss://</c>: private CAs, client certificate, pinning.</summary>
    public WampyTlsOptions Tls { get; set; } = new();

    /// <summary>How long connecting and joining may take per attempt. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Client-side timeout of outbound calls that set none. Default 30 seconds.</summary>
    public TimeSpan DefaultCallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an outbound call or publication made while the session is down waits for it to come back
    /// before failing with <see cref="WampConnectionException"/>. Default 10 seconds.
    /// </summary>
    public TimeSpan ConnectionWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long shutdown lets in-flight handlers finish before cancelling them. Default 10 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Make host start-up wait for the first successful join (and fail if <see cref="ConnectTimeout"/> passes).
    /// Default <see langword="false"/>: the host starts at once and the session joins in the background.
    /// </summary>
    public bool WaitForConnectionAtStartup { get; set; }

    /// <summary>The largest message accepted from the router, in bytes. Default 16 MiB.</summary>
    public int MaxMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Validate URIs with the strict rules. Default loose.</summary>
    public bool StrictUris { get; set; }

    /// <summary>
    /// When the router revokes a handler's registration or subscription (e.g. an operator removed it), bind it
    /// again after <see cref="WampyReconnectOptions.InitialDelay"/>. Default <see langword="true"/>. When
    /// <see langword="false"/>, it stays unbound until the next session.
    /// </summary>
    public bool RebindRevoked { get; set; } = true;

    /// <summary>
    /// Adjusts the protocol client's options after Wampy has applied the settings above: custom authenticators,
    /// serializers, transports, TLS settings of the WebSocket. Not bound from configuration.
    /// </summary>
    public Action<WampClientOptions>? ConfigureClient { get; set; }
}
