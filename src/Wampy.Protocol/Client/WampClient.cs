using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Wampy.Diagnostics;
using Wampy.Payload;
using Wampy.Proxies;
using Wampy.Session;

namespace Wampy;

/// <summary>
/// A WAMP v2 client that keeps its session alive: it joins a realm on a router, offers the four client roles
/// (caller, callee, publisher, subscriber) and, after the session is lost (transport drop, missed heartbeat, router
/// GOODBYE or ABORT), joins again with backoff and restores every registration and subscription before it reports
/// <see cref="WampClientState.Connected"/>. Set <see cref="WampReconnectOptions.Enabled"/> to <see langword="false"/>
/// for a single-shot client. Usable on its own with <c>await using</c>; Wampy.Hosting registers one in dependency
/// injection as <see cref="IWampClient"/>.
/// </summary>
public sealed partial class WampClient : IWampClient, IAsyncDisposable
{
    private readonly WampClientOptions _options;
    private readonly SessionContext _context;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ClientTelemetry _telemetry;
    private readonly ResiliencePipeline _pipeline;
    private readonly Lock _gate = new();
    private WampSession? _session;
    private volatile WampClientState _state;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _run;
    private Exception? _lastError;
    private int _disposed;
    private readonly Exception? _misconfigured;
    private readonly System.Collections.Concurrent.ConcurrentQueue<Action> _events = new();
    private int _raising;

    /// <summary>Creates a client; call <see cref="ConnectAsync"/> to join.</summary>
    /// <param name="options">Router address, realm and settings.</param>
    /// <param name="loggerFactory">Where logs go; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are incomplete or contradict each other (the message names the setting).</exception>
    public WampClient(WampClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (WampClientOptionsValidator.Validate(options, "WampClientOptions.") is { Count: > 0 } failures)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<WampClient>();
        _context = new SessionContext(options, _logger) { EventDropped = OnEventDropped };
        _time = _context.Time;
        _telemetry = new ClientTelemetry(options.MeterFactory, () => _refused.Count, options.Url);
        _pipeline = options.Reconnect.Pipeline ?? BuildPipeline();
    }

    /// <summary>A client whose options could not be read or are invalid: it stays <see cref="WampClientState.Failed"/> and says why.</summary>
    private WampClient(Exception configurationError, ILoggerFactory? loggerFactory)
    {
        _options = new WampClientOptions();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<WampClient>();
        _context = null!;
        _time = TimeProvider.System;
        _telemetry = new ClientTelemetry(null, () => 0);
        _pipeline = ResiliencePipeline.Empty;
        _misconfigured = configurationError;
        _lastError = configurationError;
        _state = WampClientState.Failed;
    }

    /// <summary>
    /// A client for a host whose Wampy options are invalid: services that depend on it can still be created (so the
    /// host can stop cleanly with one log line); every operation fails naming the configuration error.
    /// </summary>
    internal static WampClient Misconfigured(Exception configurationError, ILoggerFactory? loggerFactory) => new(configurationError, loggerFactory);

    /// <summary>Creates a client for <paramref name="url"/> and <paramref name="realm"/> with default settings.</summary>
    /// <param name="url">The router address, e.g. <c>ws://localhost:8080/ws</c>.</param>
    /// <param name="realm">The realm to join.</param>
    /// <param name="loggerFactory">Where logs go; none when <see langword="null"/>.</param>
    public WampClient(string url, string realm, ILoggerFactory? loggerFactory = null)
        : this(new WampClientOptions { Url = new Uri(url ?? throw new ArgumentNullException(nameof(url))), Realm = realm }, loggerFactory)
    {
    }

    /// <inheritdoc />
    public event EventHandler<WampClientStateChangedEventArgs>? StateChanged;

    /// <inheritdoc />
    public event EventHandler<WampReconnectingEventArgs>? Reconnecting;

    /// <inheritdoc />
    public event EventHandler<WampReconnectedEventArgs>? Reconnected;

    /// <inheritdoc />
    public event EventHandler<WampSessionClosedEventArgs>? Closed;

    /// <inheritdoc />
    public event EventHandler<WampEventDroppedEventArgs>? EventDropped;

    /// <inheritdoc />
    public WampClientState State => _state;

    /// <summary>The error behind the last loss or failure, or <see langword="null"/>.</summary>
    public Exception? LastError => Volatile.Read(ref _lastError);

    /// <inheritdoc />
    public long? SessionId => ConnectedSession?.SessionId;

    /// <summary>The current session's WELCOME details (router roles, authid, authrole, authmethod); empty when not connected.</summary>
    public IReadOnlyDictionary<string, object?> WelcomeDetails => ConnectedSession?.WelcomeDetails ?? WampDictionary.Empty;

    /// <inheritdoc />
    public string? AuthId => WelcomeDetails.GetString("authid");

    /// <inheritdoc />
    public string? AuthRole => WelcomeDetails.GetString("authrole");

    /// <summary>The authentication method the router used (WELCOME <c>authmethod</c>), or <see langword="null"/>.</summary>
    public string? AuthMethod => WelcomeDetails.GetString("authmethod");

    /// <summary>The options this client was created with.</summary>
    public WampClientOptions Options => _options;

    /// <summary>Bytes of the current session waiting to be written to the router (for tests and diagnostics).</summary>
    internal long QueuedBytes => Volatile.Read(ref _session)?.QueuedBytes ?? 0;

    private WampSession? ConnectedSession =>
        Volatile.Read(ref _session) is { IsTerminated: false } session && State == WampClientState.Connected ? session : null;

    /// <summary>
    /// Connects to the router, joins the realm and restores the registrations and subscriptions made before (if
    /// any). With <see cref="WampReconnectOptions.RetryOnInitialConnect"/> failures are retried with backoff;
    /// otherwise the first failure is thrown. Once connected, the client keeps the session alive until it is closed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A task that completes when the client is connected.</returns>
    /// <exception cref="WampConnectionException">The router could not be reached, or did not answer in time.</exception>
    /// <exception cref="WampSessionAbortedException">The router refused the session (unknown realm, failed authentication).</exception>
    /// <exception cref="InvalidOperationException">The client is already connected or connecting.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_misconfigured is not null)
        {
            throw new InvalidOperationException($"The client's options are invalid: {_misconfigured.Message}", _misconfigured);
        }

        CancellationTokenSource run;
        lock (_gate)
        {
            if (_state is WampClientState.Connecting or WampClientState.Connected or WampClientState.Reconnecting)
            {
                throw new InvalidOperationException($"The client is {_state}; close it before connecting again.");
            }

            run = _run = new CancellationTokenSource();
        }

        SetState(WampClientState.Connecting);
        Log.Connecting(_logger, _options.Url!, _options.Realm!);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, run.Token);
        try
        {
            if (_options.Reconnect.Enabled && _options.Reconnect.RetryOnInitialConnect)
            {
                await _pipeline.ExecuteAsync(token => AttemptAsync(run, token), linked.Token).ConfigureAwait(false);
            }
            else
            {
                await AttemptAsync(run, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            SetStateIfCurrent(run, WampClientState.Disconnected, null);
            throw;
        }
        catch (Exception ex)
        {
            SetStateIfCurrent(run, WampClientState.Failed, ex);
            throw;
        }
    }

    /// <summary>Closes the client: no more reconnects; GOODBYE, wait for the router's GOODBYE, close the transport.</summary>
    /// <param name="reason">The GOODBYE reason URI.</param>
    /// <param name="cancellationToken">Stops waiting for the router (the session ends anyway).</param>
    /// <returns>A task that completes when the session has ended.</returns>
    public async Task CloseAsync(string reason = WampErrorUris.CloseNormal, CancellationToken cancellationToken = default)
    {
        CancellationTokenSource? run;
        WampSession? session;
        lock (_gate)
        {
            run = _run;
            _run = null;
            session = _session;
        }

        if (run is null)
        {
            return;
        }

        await run.CancelAsync().ConfigureAwait(false);
        WampSessionClosedEventArgs closed;
        if (session is { IsTerminated: false })
        {
            try
            {
                await session.CloseAsync(reason, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                closed = session.Completion.IsCompletedSuccessfully
                    ? session.Completion.Result
                    : new WampSessionClosedEventArgs(reason, "The session was closed by the client.", closedByClient: true, exception: null);
                Finish(WampClientState.Closed, closed);
            }
        }
        else
        {
            Finish(WampClientState.Closed, new WampSessionClosedEventArgs(reason, "The client was closed.", closedByClient: true, exception: null));
        }

        run.Dispose();
    }

    /// <summary>Closes the client (see <see cref="CloseAsync"/>) within <see cref="WampClientOptions.CloseTimeout"/>.</summary>
    /// <returns>A task that completes when the session has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WampyException or OperationCanceledException)
        {
            Volatile.Read(ref _session)?.Abort("wampy.close.disposed", "The client was disposed.");
        }

        _telemetry.Dispose();
        _bindLock.Dispose();
    }

    /// <summary>Completes when the client is connected (at once if it is).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when connected.</returns>
    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken = default)
    {
        Task connected;
        lock (_gate)
        {
            connected = _connected.Task;
        }

        return connected.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A typed proxy for <typeparamref name="TService"/>: each interface method marked with
    /// <see cref="WampProcedureAttribute"/> calls that procedure with the method's parameters as positional
    /// arguments (a <see cref="CancellationToken"/> parameter cancels the call). Methods return
    /// <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>.
    /// </summary>
    /// <typeparam name="TService">An interface.</typeparam>
    /// <returns>The proxy; it works across reconnects of this client.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TService"/> has a method that cannot be proxied.</exception>
    [RequiresUnreferencedCode(ProxyRequirements.Message)]
    [RequiresDynamicCode(ProxyRequirements.Message)]
    public TService GetProxy<TService>()
        where TService : class => WampProxy.Create<TService>(this);

    private void CheckUri(string uri, WampMatch match, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(uri, parameterName);
        WampUri.Validate(uri, match, _options.StrictUris, parameterName);
    }
}
