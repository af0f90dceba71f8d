using Wampy.Diagnostics;
using Wampy.Session;

namespace Wampy;

/// <summary>
/// Registrations and subscriptions that outlive sessions: the client remembers each one the application made
/// and restores it on every new session, before reporting <see cref="WampClientState.Connected"/>.
/// </summary>
public sealed partial class WampClient
{
    private readonly SemaphoreSlim _bindLock = new(1, 1);
    private readonly List<ClientBinding> _bindings = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ClientBinding, string> _refused = new();

    /// <summary>
    /// The registrations and subscriptions the router refused when they were restored (at connect or after a
    /// reconnect), each with the router's reason; they are retried in the background with the reconnect backoff.
    /// Empty while everything is bound.
    /// </summary>
    public IReadOnlyCollection<string> RefusedBindings => [.. _refused.Values];

    /// <summary>
    /// Raised when the router refuses to restore a registration or subscription. Unless
    /// <see cref="WampClientOptions.StopOnRefusedBinding"/> is set, the client stays connected, the other bindings
    /// keep serving, and the refused one is retried in the background.
    /// </summary>
    public event EventHandler<WampBindingRefusedEventArgs>? BindingRefused;

    /// <summary>How many registrations and subscriptions the last restore bound (set under the binding lock, read for the log).</summary>
    private (int Registrations, int Subscriptions) _restored;

    /// <inheritdoc />
    /// <exception cref="WampException">The router refused the registration (e.g. <c>procedure_already_exists</c>, <c>not_authorized</c>).</exception>
    /// <exception cref="WampConnectionException">The client is not connected and did not connect within <see cref="WampClientOptions.ConnectionWaitTimeout"/>.</exception>
    public async Task<IWampRegistration> RegisterAsync(
        string procedure, WampInvocationHandler handler, RegisterOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckUri(procedure, options?.Match ?? WampMatch.Exact, nameof(procedure));
        ArgumentNullException.ThrowIfNull(handler);
        var registration = new ClientRegistration(this, procedure, Observe(procedure, handler), options);
        await AddAsync(registration, cancellationToken).ConfigureAwait(false);
        return registration;
    }

    /// <inheritdoc />
    /// <exception cref="WampException">The router refused the subscription (e.g. <c>not_authorized</c>).</exception>
    /// <exception cref="WampConnectionException">The client is not connected and did not connect within <see cref="WampClientOptions.ConnectionWaitTimeout"/>.</exception>
    public async Task<IWampSubscription> SubscribeAsync(
        string topic, WampEventHandler handler, SubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckUri(topic, options?.Match ?? WampMatch.Exact, nameof(topic));
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new ClientSubscription(this, topic, Observe(topic, handler), options);
        await AddAsync(subscription, cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    /// <summary>
    /// Binds on the connected session and remembers the binding; a session lost meanwhile is waited out (it is bound
    /// on the next one). Before the first <see cref="ConnectAsync"/> the binding is only remembered: the connection binds it.
    /// </summary>
    private async Task AddAsync(ClientBinding binding, CancellationToken cancellationToken)
    {
        if (State == WampClientState.Disconnected)
        {
            await _bindLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (State == WampClientState.Disconnected)
                {
                    _bindings.Add(binding);
                    return;
                }
            }
            finally
            {
                _bindLock.Release();
            }
        }

        while (true)
        {
            var session = await GetSessionAsync(cancellationToken).ConfigureAwait(false);
            await _bindLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (session.IsTerminated)
                {
                    continue;
                }

                await binding.BindAsync(session, cancellationToken).ConfigureAwait(false);
                _bindings.Add(binding);
                return;
            }
            catch (WampConnectionLostException) when (_options.Reconnect.Enabled && State is WampClientState.Connected or WampClientState.Reconnecting)
            {
                // The session ended while binding: bind on the next one.
            }
            finally
            {
                _bindLock.Release();
            }
        }
    }

    /// <summary>
    /// Restores every binding on a new session (the caller holds the binding lock). A binding the router refuses
    /// (e.g. <c>procedure_already_exists</c>: another session owns the procedure) fails the attempt only with
    /// <see cref="WampClientOptions.StopOnRefusedBinding"/>; otherwise it is reported and retried in the background.
    /// </summary>
    private async Task<List<ClientBinding>> RestoreBindingsAsync(WampSession session, CancellationToken cancellationToken)
    {
        var refused = new List<ClientBinding>();
        _restored = (_bindings.Count(static b => b is ClientRegistration), _bindings.Count(static b => b is ClientSubscription));
        foreach (var binding in _bindings)
        {
            binding.Reset();
            try
            {
                await binding.BindAsync(session, cancellationToken).ConfigureAwait(false);
                _refused.TryRemove(binding, out _);
            }
            catch (WampException ex) when (!_options.StopOnRefusedBinding && ex is not (WampProtocolViolationException or WampSessionAbortedException))
            {
                OnRefused(binding, ex, firstTime: !_refused.ContainsKey(binding));
                refused.Add(binding);
            }
        }

        return refused;
    }

    private void OnRefused(ClientBinding binding, WampException error, bool firstTime)
    {
        _refused[binding] = $"{binding.Description}: {error.Error}";
        if (firstTime)
        {
            Log.BindingRefused(_logger, binding.Description, error.Error, error.Message, Hint(error.Error));
            Raise(BindingRefused, new WampBindingRefusedEventArgs(binding.Uri, binding is ClientRegistration, error), nameof(BindingRefused));
        }
        else
        {
            Log.BindingStillRefused(_logger, binding.Description, error.Error);
        }
    }

    private static string Hint(string error) => error switch
    {
        WampErrorUris.ProcedureAlreadyExists or "wamp.error.procedure_exists_with_different_invocation_policy" =>
            "Another session owns the procedure, or shares it with another invocation policy: share it with the same RegisterOptions.Invoke on every replica (hosting: Wampy:Registration:Invoke or [WampProcedure(Invoke = ...)]), or stop the other owner; it is taken over when the owner leaves",
        WampErrorUris.NotAuthorized => "The router's permissions do not allow it for this authid/authrole: grant it on the router",
        _ => "Check the URI and the options",
    };

    /// <summary>Binds a refused or revoked binding again with backoff while the session lasts (the next session restores it anyway).</summary>
    private async Task RetryBindAsync(ClientBinding binding, WampSession session, int attempt)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.Reconnect.GetDelay(attempt++), _time, session.Lifetime).ConfigureAwait(false);
                await _bindLock.WaitAsync(session.Lifetime).ConfigureAwait(false);
                try
                {
                    if (!_bindings.Contains(binding) || binding.IsBound || ConnectedSession != session)
                    {
                        return;
                    }

                    await binding.BindAsync(session, session.Lifetime).ConfigureAwait(false);
                    _refused.TryRemove(binding, out _);
                    Log.BindingRestored(_logger, binding.Description, attempt);
                    return;
                }
                catch (WampException ex) when (ex is not WampProtocolViolationException)
                {
                    OnRefused(binding, ex, firstTime: false);
                }
                finally
                {
                    _bindLock.Release();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WampyException or ObjectDisposedException)
        {
            // The session ended (the next one restores the binding) or the client was disposed.
        }
    }

    /// <summary>Forgets a binding and ends it on the router (quietly when it is already gone).</summary>
    private async ValueTask RemoveAsync(ClientBinding binding)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            await binding.UnbindAsync().ConfigureAwait(false);
            return;
        }

        await _bindLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _bindings.Remove(binding);
            await binding.UnbindAsync().ConfigureAwait(false);
        }
        finally
        {
            _bindLock.Release();
        }
    }

    /// <summary>The router revoked a binding: with <see cref="WampClientOptions.RebindRevoked"/> it is bound again after the initial reconnect delay.</summary>
    private void OnRevoked(ClientBinding binding)
    {
        var session = ConnectedSession;
        if (!_options.RebindRevoked || session is null)
        {
            return; // The next session binds it.
        }

        _ = RetryBindAsync(binding, session, attempt: 0);
    }

    private WampInvocationHandler Observe(string procedure, WampInvocationHandler handler) =>
        (invocation, cancellationToken) => _telemetry.InvocationsObserved
            ? InvokeObservedAsync(procedure, handler, invocation, cancellationToken)
            : handler(invocation, cancellationToken);

    private WampEventHandler Observe(string topic, WampEventHandler handler) =>
        (@event, cancellationToken) => _telemetry.EventsObserved
            ? HandleObservedAsync(topic, handler, @event, cancellationToken)
            : handler(@event, cancellationToken);

    private async ValueTask<WampResult> InvokeObservedAsync(string procedure, WampInvocationHandler handler, WampInvocation invocation, CancellationToken cancellationToken)
    {
        using var activity = StartContinued(invocation.Details, parent => _telemetry.StartRpc(invocation.Procedure, System.Diagnostics.ActivityKind.Server, parent));
        return await _telemetry.MeasureRpcAsync(
            procedure, activity, _telemetry.Invocations, _telemetry.InvocationDuration, _time, () => handler(invocation, cancellationToken)).ConfigureAwait(false);
    }

    private async ValueTask HandleObservedAsync(string topic, WampEventHandler handler, WampEvent @event, CancellationToken cancellationToken)
    {
        using var activity = StartContinued(@event.Details, parent => _telemetry.StartMessaging("process", @event.Topic, System.Diagnostics.ActivityKind.Consumer, parent));
        var start = _time.GetTimestamp();
        string? error = null;
        try
        {
            await handler(@event, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ClientTelemetry.ErrorOf(ex);
            ClientTelemetry.Failed(activity, error);
            throw;
        }
        finally
        {
            var tags = new System.Diagnostics.TagList { { "messaging.system", "wamp" }, { "messaging.destination.name", topic }, { "wamp.topic", topic } };
            if (error is not null)
            {
                tags.Add("error.type", error);
            }

            _telemetry.Events.Add(1, tags);
            _telemetry.EventDuration.Record(_time.GetElapsedTime(start).TotalSeconds, tags);
        }
    }

    /// <summary>Starts a span that continues the caller's or publisher's trace when the details carry one (and propagation is on).</summary>
    private System.Diagnostics.Activity? StartContinued(IReadOnlyDictionary<string, object?> details, Func<System.Diagnostics.ActivityContext, System.Diagnostics.Activity?> start)
    {
        if (!_options.PropagateTraceContext)
        {
            return start(default);
        }

        var parent = TraceContext.Extract(details, out var baggage);
        var activity = start(parent);
        if (activity is not null && baggage is not null)
        {
            foreach (var (key, value) in baggage)
            {
                activity.SetBaggage(key, value);
            }
        }

        return activity;
    }

    /// <summary>A registration or subscription the client keeps across sessions.</summary>
    private abstract class ClientBinding(WampClient client)
    {
        private int _disposed;

        protected WampClient Client => client;

        public abstract string Description { get; }

        public abstract string Uri { get; }

        public abstract bool IsBound { get; }

        public abstract Task BindAsync(WampSession session, CancellationToken cancellationToken);

        /// <summary>Forgets the previous session's handle (that session is gone).</summary>
        public abstract void Reset();

        public abstract ValueTask UnbindAsync();

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await client.RemoveAsync(this).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The common part of a registration and a subscription: the current session's handle, its id, revocation.</summary>
    private abstract class ClientBinding<THandle>(WampClient client) : ClientBinding(client)
        where THandle : class, IAsyncDisposable
    {
        private THandle? _current;
        private long _id;

        public event EventHandler<WampRevokedEventArgs>? Revoked;

        public override bool IsBound => Volatile.Read(ref _current) is not null;

        protected long Id => Volatile.Read(ref _id);

        public override async Task BindAsync(WampSession session, CancellationToken cancellationToken)
        {
            var handle = await CreateAsync(session, cancellationToken).ConfigureAwait(false);
            Watch(handle, OnRevoked);
            Volatile.Write(ref _id, IdOf(handle));
            Volatile.Write(ref _current, handle);
        }

        public override void Reset() => Volatile.Write(ref _current, null);

        public override async ValueTask UnbindAsync()
        {
            if (Interlocked.Exchange(ref _current, null) is { } current)
            {
                await current.DisposeAsync().ConfigureAwait(false);
            }
        }

        protected abstract Task<THandle> CreateAsync(WampSession session, CancellationToken cancellationToken);

        protected abstract long IdOf(THandle handle);

        protected abstract void Watch(THandle handle, EventHandler<WampRevokedEventArgs> onRevoked);

        private void OnRevoked(object? sender, WampRevokedEventArgs e)
        {
            if (sender is not THandle handle || Interlocked.CompareExchange(ref _current, null, handle) != handle)
            {
                return; // A handle of an earlier session, or one already replaced.
            }

            Revoked?.Invoke(this, e);
            Client.OnRevoked(this);
        }
    }

    private sealed class ClientRegistration(WampClient client, string procedure, WampInvocationHandler handler, RegisterOptions? options)
        : ClientBinding<IWampRegistration>(client), IWampRegistration
    {
        public string Procedure => procedure;

        public long RegistrationId => Id;

        public override string Uri => procedure;

        public override string Description => $"the registration of '{procedure}'";

        protected override Task<IWampRegistration> CreateAsync(WampSession session, CancellationToken cancellationToken) =>
            session.RegisterAsync(procedure, handler, options, cancellationToken);

        protected override long IdOf(IWampRegistration handle) => handle.RegistrationId;

        protected override void Watch(IWampRegistration handle, EventHandler<WampRevokedEventArgs> onRevoked) => handle.Revoked += onRevoked;
    }

    private sealed class ClientSubscription(WampClient client, string topic, WampEventHandler handler, SubscribeOptions? options)
        : ClientBinding<IWampSubscription>(client), IWampSubscription
    {
        public string Topic => topic;

        public long SubscriptionId => Id;

        public override string Uri => topic;

        public override string Description => $"the subscription to '{topic}'";

        protected override Task<IWampSubscription> CreateAsync(WampSession session, CancellationToken cancellationToken) =>
            session.SubscribeAsync(topic, handler, options, cancellationToken);

        protected override long IdOf(IWampSubscription handle) => handle.SubscriptionId;

        protected override void Watch(IWampSubscription handle, EventHandler<WampRevokedEventArgs> onRevoked) => handle.Revoked += onRevoked;
    }
}
