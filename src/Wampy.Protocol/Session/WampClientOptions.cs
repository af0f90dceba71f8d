using Wampy.Authentication;
using Wampy.Serialization;
using Wampy.Serialization.Cbor;
using Wampy.Serialization.Json;
using Wampy.Serialization.MessagePack;
using Wampy.Transports;
using Wampy.Transports.RawSocket;
using Wampy.Transports.WebSockets;

namespace Wampy;

/// <summary>Settings of a <see cref="WampClient"/>.</summary>
public sealed class WampClientOptions
{
    /// <summary>The router address, e.g. <c>ws://localhost:8080/ws</c>. Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>The realm to join, e.g. <c>realm1</c>. Required.</summary>
    public string Realm { get; set; } = string.Empty;

    /// <summary>The authid announced in HELLO, or <see langword="null"/>.</summary>
    public string? AuthId { get; set; }

    /// <summary>The authrole requested in HELLO, or <see langword="null"/>.</summary>
    public string? AuthRole { get; set; }

    /// <summary>Authenticators for the methods this client offers; none means anonymous.</summary>
    public IList<IWampAuthenticator> Authenticators { get; } = [];

    /// <summary>Serializers in order of preference, offered to the router which picks one. Default: JSON, MessagePack, CBOR.</summary>
    public IList<IWampSerializer> Serializers { get; } = [JsonWampSerializer.Default, MessagePackWampSerializer.Default, CborWampSerializer.Default];

    /// <summary>
    /// The transport; <see langword="null"/> picks WebSocket for <c>ws://</c> and <c>wss://</c>, RawSocket for
    /// <c>tcp://</c>, <c>tls://</c> and <c>unix://</c>.
    /// </summary>
    public IWampTransport? Transport { get; set; }

    /// <summary>WebSocket settings: keep-alive ping interval and timeout, maximum message size.</summary>
    public WebSocketTransportOptions WebSocket { get; } = new();

    /// <summary>RawSocket settings: keep-alive PING interval and timeout, maximum message size, TLS.</summary>
    public RawSocketTransportOptions RawSocket { get; } = new();

    /// <summary>How long connecting and joining may take. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long closing waits for the router's GOODBYE and the transport close. Default 5 seconds.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Client-side timeout of calls that set none; <see langword="null"/> (the default) waits without limit.</summary>
    public TimeSpan? DefaultCallTimeout { get; set; }

    /// <summary>
    /// Send <see cref="CallOptions.RouterTimeout"/> in seconds instead of the spec's milliseconds: Crossbar.io and
    /// Autobahn read the CALL option <c>timeout</c> as seconds. Default <see langword="false"/>.
    /// </summary>
    public bool RouterTimeoutInSeconds { get; set; }

    /// <summary>Validate URIs with the strict rules (lowercase letters, digits, underscores). Default loose.</summary>
    public bool StrictUris { get; set; }

    /// <summary>
    /// How many events may wait for a subscription's handlers before new ones are dropped (and logged).
    /// Default 10,000. Events of one subscription are handled in order, one at a time.
    /// </summary>
    public int EventQueueCapacity { get; set; } = 10_000;

    /// <summary>The <c>agent</c> announced in HELLO.</summary>
    public string Agent { get; set; } = "Wampy/" + typeof(WampClientOptions).Assembly.GetName().Version?.ToString(3);
}
