using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using Wampy.Authentication;
using Wampy.Transports;
using System.Text.Json.Serialization.Metadata;

namespace Wampy;

/// <summary>
/// Settings of a <see cref="WampClient"/>. Every property binds from configuration (the <c>Wampy</c> section in
/// Wampy.Hosting) except those marked "not bound", which are set in code.
/// </summary>
public class WampClientOptions
{
    /// <summary>The router address: <c>ws://</c>, <c>wss://</c> (WebSocket), <c>tcp://</c>, <c>tls://</c> or <c>unix:///path</c> (RawSocket). Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>The realm to join, e.g. <c>realm1</c>. Required.</summary>
    public string? Realm { get; set; }

    /// <summary>Authentication; anonymous when <see cref="WampAuthenticationOptions.Method"/> is not set and no custom authenticator is added.</summary>
    public WampAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>Custom authenticators, offered after the one <see cref="Authentication"/> describes. Not bound.</summary>
    public IList<IWampAuthenticator> Authenticators { get; } = [];

    /// <summary>
    /// Serializers by name in order of preference (<c>json</c>, <c>msgpack</c>, <c>cbor</c>); the router picks one.
    /// Empty (the default) offers all three, JSON first. Configuration replaces the list.
    /// </summary>
    public IList<string> Serializers { get; set; } = [];

    /// <summary>Liveness checks (WebSocket PING, RawSocket TCP keep-alive and WAMP-level probes).</summary>
    public WampHeartbeatOptions Heartbeat { get; set; } = new();

    /// <summary>Reconnection and the restoring of registrations and subscriptions after a loss.</summary>
    public WampReconnectOptions Reconnect { get; set; } = new();

    /// <summary>TLS for <c>wss://</c> and <c>tls://</c>: private CAs, client certificate, pinning.</summary>
    public WampTlsOptions Tls { get; set; } = new();

    /// <summary>How long connecting and joining may take per attempt. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long closing waits for the router's GOODBYE and the transport close. Default 5 seconds.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Client-side timeout of calls that set none (<see cref="CallOptions.Timeout"/>). Default 30 seconds;
    /// <see langword="null"/> waits without limit.
    /// </summary>
    public TimeSpan? DefaultCallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a call, publication, registration or subscription made while the client is connecting or
    /// reconnecting waits for the session before failing with <see cref="WampConnectionException"/>. Default 10 seconds.
    /// </summary>
    public TimeSpan ConnectionWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When the router revokes a registration or subscription (an operator removed it), bind it again after
    /// <see cref="WampReconnectOptions.InitialDelay"/>. Default <see langword="true"/>. When <see langword="false"/>,
    /// it stays unbound until the next session.
    /// </summary>
    public bool RebindRevoked { get; set; } = true;

    /// <summary>
    /// Fail the client (state <see cref="WampClientState.Failed"/>) when the router refuses to restore a registration
    /// or subscription at connect or reconnect, for services that must own their procedures. Default
    /// <see langword="false"/>: the client stays connected, the other bindings serve, and the refused one is reported
    /// (<see cref="WampClient.BindingRefused"/>, <see cref="WampClient.RefusedBindings"/>) and retried in the background.
    /// </summary>
    public bool StopOnRefusedBinding { get; set; }

    /// <summary>The largest message accepted from the router, in bytes. Default 16 MiB.</summary>
    public int MaxMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How many bytes of calls and publications may wait to be written to the router. When the router reads slower
    /// than the application sends, <c>CallAsync</c> and <c>PublishAsync</c> wait (honouring their cancellation token)
    /// until the queue drains below it, so memory stays bounded. Default 4 MiB. Answers to the router (YIELD, ERROR)
    /// are never held back.
    /// </summary>
    public int MaxOutboundQueueBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How many events may wait for a subscription's handlers before new ones are dropped (raising
    /// <see cref="WampClient.EventDropped"/> and counting in <c>wampy.client.events.dropped</c>). Default 10,000.
    /// Events of one subscription are handled in order, one at a time.
    /// </summary>
    public int EventQueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// Send <see cref="CallOptions.RouterTimeout"/> in whole seconds instead of the spec's milliseconds: Crossbar.io
    /// and Autobahn read the CALL option <c>timeout</c> as seconds (Crossbar rounds it down, so Wampy sends one
    /// second more than the rounded-up value: the router never ends a call early). Default <see langword="false"/>.
    /// </summary>
    public bool RouterTimeoutInSeconds { get; set; }

    /// <summary>Validate URIs with the strict rules (lowercase letters, digits, underscores). Default loose.</summary>
    public bool StrictUris { get; set; }

    /// <summary>
    /// Carry the W3C trace context of the current activity in CALL and PUBLISH options (<c>_traceparent</c>,
    /// <c>_tracestate</c>, <c>_baggage</c>, as WAMP implementation-specific attributes), and continue a trace
    /// found in INVOCATION and EVENT details. Default <see langword="true"/>; nothing is sent while no activity is current.
    /// </summary>
    public bool PropagateTraceContext { get; set; } = true;

    /// <summary>
    /// Read the connection (WebSocket or RawSocket) on a thread of its own with non-blocking socket calls instead of
    /// the runtime's socket engine, and while frames arrive densely read them in batches (the thread waits 50 µs before
    /// the next read instead of being woken by each frame). Default <see langword="false"/>.
    /// <para>
    /// It pays with many calls in flight through a router that writes every message on its own (fox-wamp,
    /// Crossbar.io): the router no longer spends a wake-up of this process per message, so it serves more calls
    /// (docs/performance.md). It costs a thread per connection, and a frame may wait up to about 50 µs more whenever
    /// frames come faster than that (also one call at a time whose round trip is under 50 µs, e.g. a router on the
    /// same fast host). With few calls in flight, or for many subscriber sessions in one process, keep the default.
    /// Your code still runs on the thread pool, never on that thread.
    /// </para>
    /// </summary>
    public bool DedicatedReceiveThread { get; set; }

    /// <summary>The <c>agent</c> announced in HELLO.</summary>
    public string Agent { get; set; } = "Wampy/" + typeof(WampClientOptions).Assembly.GetName().Version?.ToString(3);

    /// <summary>
    /// The transport; <see langword="null"/> picks WebSocket for <c>ws://</c> and <c>wss://</c>, RawSocket for
    /// <c>tcp://</c>, <c>tls://</c> and <c>unix://</c>. A custom <see cref="IWampTransport"/> is the extension point
    /// for other transports. Not bound.
    /// </summary>
    public IWampTransport? Transport { get; set; }

    /// <summary>Adjusts the <see cref="ClientWebSocket"/> options (headers, proxy, cookies) of each connection. Not bound.</summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; set; }

    /// <summary>Adjusts the HTTP handler under the WebSocket (connect callback, proxy, SSL options). Not bound.</summary>
    public Action<SocketsHttpHandler>? ConfigureHttpHandler { get; set; }

    /// <summary>
    /// The JSON contracts of the application's payload types, usually a source-generated
    /// <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> (<c>MyJsonContext.Default</c>), consulted before
    /// Wampy's own contracts for primitives, text, binary, dates and untyped JSON. Required under Native AOT or trimming
    /// for every application type passed to or received from WAMP (in JSON, MessagePack and CBOR alike); elsewhere,
    /// types it does not know bind through reflection. Not bound.
    /// </summary>
    public IJsonTypeInfoResolver? JsonTypeInfoResolver { get; set; }

    /// <summary>The clock for timeouts, heartbeats and reconnect delays; tests pass a FakeTimeProvider. Default <see cref="TimeProvider.System"/>. Not bound.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Creates the client's <c>Wampy</c> meter; Wampy.Hosting passes the host's. When <see langword="null"/> the
    /// client creates its own meter named <c>Wampy</c>, which OpenTelemetry's <c>AddMeter("Wampy")</c> picks up. Not bound.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }
}
