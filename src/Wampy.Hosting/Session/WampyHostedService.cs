using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wampy.Hosting.Diagnostics;
using Wampy.Hosting.Handlers;

namespace Wampy.Hosting.Session;

/// <summary>
/// Starts and stops the client, and binds every handler method once: the client keeps the session alive and
/// restores the registrations and subscriptions on every new session by itself. On shutdown it stops taking work,
/// unregisters, lets in-flight handlers finish (up to <see cref="WampyOptions.ShutdownTimeout"/>), then says GOODBYE.
/// </summary>
internal sealed class WampyHostedService(
    IOptions<WampyOptions> options,
    IEnumerable<WampHandlerRegistration> registrations,
    HandlerDispatcher dispatcher,
    WampClient client,
    IHostApplicationLifetime lifetime,
    ILogger<WampyHostedService> logger) : IHostedService, IAsyncDisposable
{
    private WampyOptions _options = null!;
    private bool _misconfigured;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IAsyncDisposable> _bindings = [];
    private Task _start = Task.CompletedTask;
    private int _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _options = options.Value;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            // Invalid options (the validator has logged every problem) or a misspelt key: one critical line, a clean
            // stop, exit code 1; not an unhandled exception.
            if (ex is not OptionsValidationException)
            {
                Log.InvalidOptions(logger, ex.Message);
            }

            _misconfigured = true;
            StopForError();
            return;
        }

        // Fails start-up with a clear message when a handler cannot be bound (a programming error, not configuration).
        var catalog = new HandlerCatalog(registrations, _options.StrictUris, _options.Registration.Invoke);
        client.Closed += OnClientClosed;
        // Not on another thread: the client is Connecting before StartAsync returns, so early calls wait for it.
        _start = ConnectAndBindAsync(catalog, _stopping.Token);
        if (_options.WaitForConnectionAtStartup)
        {
            try
            {
                await _start.WaitAsync(_options.ConnectTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException ex)
            {
                throw new WampConnectionException(
                    $"Wampy:WaitForConnectionAtStartup is on and no session joined {_options.Url} within {_options.ConnectTimeout} (Wampy:ConnectTimeout). Last error: {client.LastError?.Message ?? "none"}.",
                    ex);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_misconfigured)
        {
            return;
        }

        var started = client.Options.TimeProvider.GetTimestamp();
        await _stopping.CancelAsync().ConfigureAwait(false);
        client.Closed -= OnClientClosed;
        if (client.State == WampClientState.Connected)
        {
            await UnbindAsync(_options.ShutdownTimeout).ConfigureAwait(false);
        }

        dispatcher.StopAccepting();
        if (dispatcher.InFlight > 0)
        {
            var left = _options.ShutdownTimeout - client.Options.TimeProvider.GetElapsedTime(started);
            Log.Draining(logger, left, dispatcher.InFlight);
            if (left <= TimeSpan.Zero || !await dispatcher.WaitIdleAsync(left).ConfigureAwait(false))
            {
                Log.DrainTimeout(logger, dispatcher.InFlight);
                dispatcher.CancelInFlight();
                await dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            }
        }

        try
        {
            await client.CloseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            Log.Closed(logger);
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            await _start.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WampyException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The container may dispose this twice (as itself and as the IHostedService it also is).
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Hands every handler to the client (bound when it connects, restored on every new session), then connects.</summary>
    private async Task ConnectAndBindAsync(HandlerCatalog catalog, CancellationToken stopping)
    {
        foreach (var method in catalog.Procedures)
        {
            await BindAsync("procedure", method, () => client.RegisterAsync(method.Uri, dispatcher.ForProcedure(method), method.RegisterOptions, stopping)).ConfigureAwait(false);
        }

        foreach (var method in catalog.Topics)
        {
            await BindAsync("topic", method, () => client.SubscribeAsync(method.Uri, dispatcher.ForTopic(method), method.SubscribeOptions, stopping)).ConfigureAwait(false);
        }

        try
        {
            await client.ConnectAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            Log.ConnectFailed(logger, _options.Url!, ex);
            StopForError();
            throw;
        }

        Log.Joined(logger, _options.Realm!, client.SessionId, catalog.Procedures.Count, catalog.Topics.Count);
    }

    /// <summary>Registers or subscribes one handler method; a refusal (e.g. procedure_already_exists, on a client already connected) is logged naming the handler and stops the application.</summary>
    private async Task BindAsync<T>(string kind, HandlerMethod method, Func<Task<T>> bind)
        where T : IAsyncDisposable
    {
        try
        {
            var binding = await bind().ConfigureAwait(false);
            Log.Bound(logger, kind, method.Uri, method.DisplayName);
            void OnRevoked(object? sender, WampRevokedEventArgs e) => Log.Revoked(logger, kind, method.Uri, method.DisplayName, e.Reason ?? "no reason given");
            switch (binding)
            {
                case IWampRegistration registration:
                    registration.Revoked += OnRevoked;
                    break;
                case IWampSubscription subscription:
                    subscription.Revoked += OnRevoked;
                    break;
            }

            lock (_bindings)
            {
                _bindings.Add(binding);
            }
        }
        catch (WampException ex)
        {
            Log.BindFailed(logger, kind, method.Uri, method.DisplayName, ex);
            StopForError();
            throw;
        }
    }

    private void OnClientClosed(object? sender, WampSessionClosedEventArgs e)
    {
        if (client.State == WampClientState.Failed || !_options.Reconnect.Enabled)
        {
            Log.GaveUp(logger, e.Reason, e.Message, e.Exception);
            StopForError();
        }
    }

    /// <summary>
    /// Stops the application because Wampy cannot go on, with a non-zero process exit code (1) so that systemd,
    /// Kubernetes or a shell sees a failure, unless the application has set another one.
    /// </summary>
    private void StopForError()
    {
        if (Environment.ExitCode == 0)
        {
            Environment.ExitCode = 1;
        }

        lifetime.StopApplication();
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
            catch (WampyException)
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
