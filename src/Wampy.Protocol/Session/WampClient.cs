using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wampy.Diagnostics;
using Wampy.Payload;
using Wampy.Session;

namespace Wampy;

/// <summary>
/// A WAMP v2 client: joins a realm on a router and offers the four client roles (caller, callee, publisher,
/// subscriber). Usable on its own with <c>await using</c>; Wampy.Hosting keeps one alive in a host.
/// After the session ends (see <see cref="Closed"/>) <see cref="ConnectAsync"/> may be called again for a new session;
/// registrations and subscriptions do not carry over.
/// </summary>
public sealed class WampClient : IWampCaller, IAsyncDisposable
{
    private readonly WampClientOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private WampSession? _session;
    private WampSessionState _state;

    /// <summary>Creates a client; call <see cref="ConnectAsync"/> to join.</summary>
    /// <param name="options">Router address, realm and settings.</param>
    /// <param name="loggerFactory">Where logs go; none when <see langword="null"/>.</param>
    public WampClient(WampClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Url is null)
        {
            throw new ArgumentException("WampClientOptions.Url is required (e.g. ws://localhost:8080/ws).", nameof(options));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.Realm, "options.Realm");
        WampUri.Validate(options.Realm, strict: false, "options.Realm");
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<WampClient>();
    }

    /// <summary>Creates a client for <paramref name="url"/> and <paramref name="realm"/> with default settings.</summary>
    /// <param name="url">The router address, e.g. <c>ws://localhost:8080/ws</c>.</param>
    /// <param name="realm">The realm to join.</param>
    /// <param name="loggerFactory">Where logs go; none when <see langword="null"/>.</param>
    public WampClient(string url, string realm, ILoggerFactory? loggerFactory = null)
        : this(new WampClientOptions { Url = new Uri(url ?? throw new ArgumentNullException(nameof(url))), Realm = realm }, loggerFactory)
    {
    }

    /// <summary>Raised once each time a session ends, whoever ended it. Handler exceptions are logged, not thrown.</summary>
    public event EventHandler<WampSessionClosedEventArgs>? Closed;

    /// <summary>The client's state.</summary>
    public WampSessionState State => _state;

    /// <summary>The current session id, or <see langword="null"/> when not joined.</summary>
    public long? SessionId => _session is { IsTerminated: false } session ? session.SessionId : null;

    /// <summary>The current session's WELCOME details (router roles, authid, authrole, authmethod); empty when not joined.</summary>
    public IReadOnlyDictionary<string, object?> WelcomeDetails => _session is { IsTerminated: false } session ? session.WelcomeDetails : WampDictionary.Empty;

    /// <summary>The authid the router assigned (WELCOME <c>authid</c>), or <see langword="null"/>.</summary>
    public string? AuthId => WelcomeDetails.GetString("authid");

    /// <summary>The authrole the router assigned (WELCOME <c>authrole</c>), or <see langword="null"/>.</summary>
    public string? AuthRole => WelcomeDetails.GetString("authrole");

    /// <summary>The authentication method the router used (WELCOME <c>authmethod</c>), or <see langword="null"/>.</summary>
    public string? AuthMethod => WelcomeDetails.GetString("authmethod");

    /// <summary>The options this client was created with.</summary>
    public WampClientOptions Options => _options;

    /// <summary>A task that completes when the current session ends; completed when there is none.</summary>
    public Task<WampSessionClosedEventArgs>? Completion => _session?.Completion;

    /// <summary>Connects to the router and joins the realm.</summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A task that completes when the session is established.</returns>
    /// <exception cref="WampConnectionException">The router could not be reached, or did not answer in time.</exception>
    /// <exception cref="WampSessionAbortedException">The router refused the session (unknown realm, failed authentication).</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_session is { IsTerminated: false })
            {
                throw new InvalidOperationException("The client is already connected; close it before connecting again.");
            }

            _state = WampSessionState.Connecting;
            WampSession session;
            try
            {
                session = await WampSession.JoinAsync(_options, _logger, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _state = WampSessionState.Disconnected;
                throw;
            }

            _session = session;
            _state = WampSessionState.Established;
            _ = session.Completion.ContinueWith(
                static (task, state) => ((WampClient)state!).OnSessionClosed(task.Result),
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Closes the session politely: GOODBYE, wait for the router's GOODBYE, close the transport.</summary>
    /// <param name="reason">The GOODBYE reason URI.</param>
    /// <param name="cancellationToken">Stops waiting for the router (the session ends anyway).</param>
    /// <returns>A task that completes when the session has ended.</returns>
    public async Task CloseAsync(string reason = WampErrorUris.CloseNormal, CancellationToken cancellationToken = default)
    {
        var session = _session;
        if (session is null || session.IsTerminated)
        {
            return;
        }

        _state = WampSessionState.Closing;
        try
        {
            await session.CloseAsync(reason, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _state = WampSessionState.Disconnected;
        }
    }

    /// <summary>Closes the session (see <see cref="CloseAsync"/>) within <see cref="WampClientOptions.CloseTimeout"/>.</summary>
    /// <returns>A task that completes when the session has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WampConnectionException or OperationCanceledException)
        {
            _session?.Abort("wampy.close.disposed", "The client was disposed.");
        }

        _connectLock.Dispose();
    }

    /// <summary>Calls a procedure and returns the whole result (positional and keyword results, details).</summary>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="arguments">Positional arguments, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments (a dictionary or an object), or <see langword="null"/>.</param>
    /// <param name="options">Call options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the result.</param>
    /// <returns>The result.</returns>
    /// <exception cref="WampException">The callee or the router answered with an error.</exception>
    /// <exception cref="TimeoutException">The call's timeout elapsed.</exception>
    /// <exception cref="WampConnectionException">The client is not connected or the session ended before the result came.</exception>
    public Task<WampResult> CallAsync(
        string procedure,
        object?[]? arguments = null,
        object? argumentsKw = null,
        CallOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        CheckUri(procedure, nameof(procedure));
        return GetSession().CallAsync(procedure, ToArguments(arguments), ToKeywordArguments(argumentsKw), options, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<WampResult> StreamAsync(
        string procedure,
        object?[]? arguments = null,
        object? argumentsKw = null,
        CallOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        CheckUri(procedure, nameof(procedure));
        return GetSession().StreamAsync(procedure, ToArguments(arguments), ToKeywordArguments(argumentsKw), options, cancellationToken);
    }

    /// <summary>
    /// Calls a procedure and binds the result to <typeparamref name="TResult"/>: the first positional result,
    /// else the keyword results as a whole (see <see cref="WampResult.GetValue{T}"/>).
    /// </summary>
    /// <typeparam name="TResult">The type of the result.</typeparam>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="arguments">Positional arguments, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments (a dictionary or an object), or <see langword="null"/>.</param>
    /// <param name="options">Call options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the result.</param>
    /// <returns>The bound result.</returns>
    /// <exception cref="WampException">The callee or the router answered with an error.</exception>
    /// <exception cref="WampPayloadBindingException">The result does not fit <typeparamref name="TResult"/>.</exception>
    public async Task<TResult> CallAsync<TResult>(
        string procedure,
        object?[]? arguments = null,
        object? argumentsKw = null,
        CallOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var result = await CallAsync(procedure, arguments, argumentsKw, options, cancellationToken).ConfigureAwait(false);
        return result.GetValue<TResult>();
    }

    /// <summary>Publishes an event to a topic.</summary>
    /// <param name="topic">The topic URI.</param>
    /// <param name="arguments">Positional arguments, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments (a dictionary or an object), or <see langword="null"/>.</param>
    /// <param name="options">Publish options; set <see cref="PublishOptions.Acknowledge"/> to wait for the broker.</param>
    /// <param name="cancellationToken">Stops waiting for the acknowledgement.</param>
    /// <returns>The publication id when acknowledged; otherwise <see langword="null"/> once the event is queued for sending.</returns>
    public Task<long?> PublishAsync(
        string topic,
        object?[]? arguments = null,
        object? argumentsKw = null,
        PublishOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        CheckUri(topic, nameof(topic));
        return GetSession().PublishAsync(topic, ToArguments(arguments), ToKeywordArguments(argumentsKw), options, cancellationToken);
    }

    /// <summary>Registers a procedure. Each invocation runs <paramref name="handler"/> off the receive loop, concurrently with others.</summary>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="handler">Runs each invocation.</param>
    /// <param name="options">Register options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the router.</param>
    /// <returns>The registration; dispose it to unregister.</returns>
    public Task<IWampRegistration> RegisterAsync(
        string procedure, WampInvocationHandler handler, RegisterOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckUri(procedure, options?.Match ?? WampMatch.Exact, nameof(procedure));
        ArgumentNullException.ThrowIfNull(handler);
        return GetSession().RegisterAsync(procedure, handler, options, cancellationToken);
    }

    /// <summary>Subscribes a handler to a topic. Events of one topic reach its handlers in order, one at a time.</summary>
    /// <param name="topic">The topic URI.</param>
    /// <param name="handler">Handles each event.</param>
    /// <param name="options">Subscribe options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the router.</param>
    /// <returns>The subscription; dispose it to unsubscribe this handler.</returns>
    public Task<IWampSubscription> SubscribeAsync(
        string topic, WampEventHandler handler, SubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckUri(topic, options?.Match ?? WampMatch.Exact, nameof(topic));
        ArgumentNullException.ThrowIfNull(handler);
        return GetSession().SubscribeAsync(topic, handler, options, cancellationToken);
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
    public TService GetProxy<TService>()
        where TService : class => WampProxy.Create<TService>(this);

    private WampSession GetSession()
    {
        var session = _session;
        if (session is null || session.IsTerminated)
        {
            throw new WampConnectionException(
                session is null
                    ? $"The client is not connected to {_options.Url}; call ConnectAsync first."
                    : $"The session with {_options.Url} has ended ({session.Completion.Result.Message}); connect again.");
        }

        return session;
    }

    private void CheckUri(string uri, string parameterName) => CheckUri(uri, WampMatch.Exact, parameterName);

    private void CheckUri(string uri, WampMatch match, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(uri, parameterName);
        WampUri.Validate(uri, match, _options.StrictUris, parameterName);
    }

    private static WampArguments? ToArguments(object?[]? arguments) =>
        arguments is null || arguments.Length == 0 ? null : WampArguments.From(arguments);

    private static WampKeywordArguments? ToKeywordArguments(object? argumentsKw) =>
        argumentsKw is null ? null : WampKeywordArguments.From(argumentsKw);

    private void OnSessionClosed(WampSessionClosedEventArgs args)
    {
        if (_state == WampSessionState.Established)
        {
            _state = WampSessionState.Disconnected;
        }

        try
        {
            Closed?.Invoke(this, args);
        }
        catch (Exception ex)
        {
            Log.ClosedHandlerFailed(_logger, ex);
        }
    }
}
