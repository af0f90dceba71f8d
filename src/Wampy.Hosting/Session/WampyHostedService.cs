using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wampy.Hosting.Diagnostics;
using Wampy.Hosting.Handlers;
using Wampy.Hosting.Resilience;

namespace Wampy.Hosting.Session;

/// <summary>
/// Owns the WAMP session: connects and joins through the reconnect pipeline, binds every handler method after
/// each join, notices the loss of the session (transport drop, missed heartbeat, router GOODBYE or ABORT) and
/// joins again; on shutdown stops taking work, lets in-flight handlers finish, unregisters and says GOODBYE.
/// </summary>
internal sealed class WampyHostedService : IHostedService, IAsyncDisposable
{
    private readonly WampyOptions _options;
    private readonly IEnumerable<WampHandlerRegistration> _registrations;
    private readonly HandlerDispatcher _dispatcher;
    private readonly SessionTracker _tracker;
    private readonly WampyTelemetry _telemetry;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Func<WampyReconnectPipeline>? _customPipeline;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IAsyncDisposable> _bindings = [];
    private HandlerCatalog? _catalog;
    private WampClient? _client;
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public WampyHostedService(
        IOptions<WampyOptions> options,
        IEnumerable<WampHandlerRegistration> registrations,
        HandlerDispatcher dispatcher,
        SessionTracker tracker,
        WampyTelemetry telemetry,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggerFactory,
        IEnumerable<Func<WampyReconnectPipeline>> customPipelines)
    {
        _options = options.Value;
        _registrations = registrations;
        _dispatcher = dispatcher;
        _tracker = tracker;
        _telemetry = telemetry;
        _lifetime = lifetime;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<WampyHostedService>();
        _customPipeline = customPipelines.LastOrDefault();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Fails start-up with a clear message when a handler cannot be bound.
        _catalog = new HandlerCatalog(_registrations, _options.StrictUris);
        _client = new WampClient(ClientOptionsBuilder.Build(_options), _loggerFactory);
        _tracker.Client = _client;
        _tracker.Realm = _options.Realm;
        _tracker.StateChanged += state => _telemetry.SetJoined(state == WampSessionState.Established);
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);

        if (_options.WaitForConnectionAtStartup)
        {
            try
            {
                await _tracker.WaitForJoinAsync(_options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException ex)
            {
                throw new WampConnectionException(
                    $"Wampy:WaitForConnectionAtStartup is on and no session joined {_options.Url} within {_options.ConnectTimeout} (Wampy:ConnectTimeout). Last error: {_tracker.LastError ?? "none"}.",
                    ex);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Shutdown: no more reconnects; unregister so that the router routes no new work here; let what is in
        // flight finish (all within ShutdownTimeout); then GOODBYE.
        var deadline = Stopwatch.StartNew();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_client is not null && _client.State == WampSessionState.Established)
        {
            _tracker.SetClosing();
            await UnbindAsync(_options.ShutdownTimeout).ConfigureAwait(false);
        }

        _dispatcher.StopAccepting();
        if (_dispatcher.InFlight > 0)
        {
            var left = _options.ShutdownTimeout - deadline.Elapsed;
            Log.Draining(_logger, left, _dispatcher.InFlight);
            if (left <= TimeSpan.Zero || !await _dispatcher.WaitIdleAsync(left).ConfigureAwait(false))
            {
                Log.DrainTimeout(_logger, _dispatcher.InFlight);
                _dispatcher.CancelInFlight();
                await _dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            }
        }

        if (_client is not null)
        {
            try
            {
                await _client.CloseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            _tracker.SetLost("The host stopped.");
            Log.Closed(_logger);
        }

        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // The container may dispose this twice (as itself and as the IHostedService it also is).
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_client is not null)
        {
            await _client.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var pipeline = (_customPipeline?.Invoke() ?? WampyReconnectPipeline.CreateDefault(
            _options.Reconnect,
            (attempt, delay, error) =>
            {
                if (error is WampSessionAbortedException aborted)
                {
                    Log.Refused(_logger, aborted.Message);
                }

                Log.Reconnecting(_logger, attempt, _options.Url!, error?.Message ?? "unknown", delay);
            })).Pipeline;
        var joinedBefore = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await pipeline.ExecuteAsync(static (self, token) => new ValueTask(self.ConnectAndBindAsync(token)), this, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _tracker.SetLost(ex.Message);
                Log.GaveUp(_logger, _options.Reconnect.MaxAttempts ?? 0, ex);
                _lifetime.StopApplication();
                return;
            }

            if (joinedBefore)
            {
                _telemetry.Reconnects.Add(1);
            }

            joinedBefore = true;
            var sessionId = _client!.SessionId;
            WampSessionClosedEventArgs closed;
            try
            {
                closed = await _client!.Completion!.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_bindings)
            {
                _bindings.Clear();
            }

            if (stopping.IsCancellationRequested)
            {
                return;
            }

            Log.SessionLost(_logger, sessionId, closed.Reason, closed.Message);
            _tracker.SetLost($"{closed.Reason}: {closed.Message}");
        }
    }

    private async Task ConnectAndBindAsync(CancellationToken cancellationToken)
    {
        _tracker.SetConnecting();
        Log.Connecting(_logger, _options.Url!, _options.Realm!);
        try
        {
            await _client!.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await BindAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _tracker.SetLost(ex.Message);
            if (_client!.State == WampSessionState.Established)
            {
                await _client.CloseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        _tracker.SetJoined(_client.SessionId ?? 0);
        Log.Joined(_logger, _options.Realm!, _client.SessionId ?? 0, _catalog!.Procedures.Count, _catalog.Topics.Count);
    }

    /// <summary>Registers every procedure and subscribes every topic on the new session.</summary>
    private async Task BindAsync(CancellationToken cancellationToken)
    {
        var bindings = new List<IAsyncDisposable>();
        foreach (var method in _catalog!.Procedures)
        {
            bindings.Add(await BindOneAsync("procedure", method, () => _client!.RegisterAsync(method.Uri, _dispatcher.ForProcedure(method), method.RegisterOptions, cancellationToken)).ConfigureAwait(false));
        }

        foreach (var method in _catalog.Topics)
        {
            bindings.Add(await BindOneAsync("topic", method, () => _client!.SubscribeAsync(method.Uri, _dispatcher.ForTopic(method), method.SubscribeOptions, cancellationToken)).ConfigureAwait(false));
        }

        lock (_bindings)
        {
            _bindings.Clear();
            _bindings.AddRange(bindings);
        }
    }

    /// <summary>Registers or subscribes one handler method, logging which one the router refused (e.g. procedure_already_exists).</summary>
    private async Task<IAsyncDisposable> BindOneAsync<T>(string kind, HandlerMethod method, Func<Task<T>> bind)
        where T : IAsyncDisposable
    {
        try
        {
            var binding = await bind().ConfigureAwait(false);
            Log.Bound(_logger, kind, method.Uri, method.DisplayName);
            WatchRevocation(kind, method, binding, bind);
            return binding;
        }
        catch (WampException ex)
        {
            Log.BindFailed(_logger, kind, method.Uri, method.DisplayName, ex);
            throw;
        }
    }

    /// <summary>
    /// A registration or subscription the router revokes is logged and, with <see cref="WampyOptions.RebindRevoked"/>,
    /// bound again after the initial reconnect delay on the same session (a new session binds everything anyway).
    /// </summary>
    private void WatchRevocation<T>(string kind, HandlerMethod method, T binding, Func<Task<T>> bind)
        where T : IAsyncDisposable
    {
        void OnRevoked(object? sender, WampRevokedEventArgs e)
        {
            Log.Revoked(_logger, kind, method.Uri, method.DisplayName, e.Reason ?? "no reason given",
                _options.RebindRevoked ? $"binding it again in {_options.Reconnect.InitialDelay}" : "it stays unbound until the next session");
            lock (_bindings)
            {
                _bindings.Remove(binding);
            }

            if (_options.RebindRevoked)
            {
                _ = RebindAsync(kind, method, bind);
            }
        }

        switch (binding)
        {
            case IWampRegistration registration:
                registration.Revoked += OnRevoked;
                break;
            case IWampSubscription subscription:
                subscription.Revoked += OnRevoked;
                break;
        }
    }

    private async Task RebindAsync<T>(string kind, HandlerMethod method, Func<Task<T>> bind)
        where T : IAsyncDisposable
    {
        try
        {
            var session = _client!.SessionId;
            await Task.Delay(_options.Reconnect.InitialDelay, _stopping.Token).ConfigureAwait(false);
            if (_client.State != WampSessionState.Established || _client.SessionId != session)
            {
                return; // A new session binds everything itself.
            }

            var binding = await BindOneAsync(kind, method, bind).ConfigureAwait(false);
            lock (_bindings)
            {
                _bindings.Add(binding);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WampException or WampConnectionException or TimeoutException)
        {
            // Stopping, refused again (logged by BindOneAsync) or the session ended: the next session binds it.
        }
    }

    /// <summary>Unregisters and unsubscribes everything at once, waiting at most <paramref name="timeout"/> for the router.</summary>
    private async Task UnbindAsync(TimeSpan timeout)
    {
        IAsyncDisposable[] bindings;
        lock (_bindings)
        {
            bindings = [.. _bindings];
            _bindings.Clear();
        }

        var all = Task.WhenAll(bindings.Select(static async binding =>
        {
            try
            {
                await binding.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WampException or WampConnectionException or TimeoutException)
            {
                // Unregistering is a courtesy: GOODBYE ends every registration anyway.
            }
        }));

        try
        {
            await all.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }
}
