using System.Net.Sockets;
using System.Net.WebSockets;
using Polly;
using Polly.Retry;
using Wampy.Diagnostics;
using Wampy.Session;

namespace Wampy;

/// <summary>The state machine: joining, noticing a loss, rejoining through the retry pipeline, closing.</summary>
public sealed partial class WampClient
{
    /// <summary>
    /// One attempt: connect, join, restore every binding, then become <see cref="WampClientState.Connected"/>; all
    /// under the binding lock, so that no registration made meanwhile is missed by the restore.
    /// </summary>
    private async ValueTask<WampSession> AttemptAsync(CancellationTokenSource run, CancellationToken cancellationToken)
    {
        await _bindLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var session = await WampSession.JoinAsync(_context, cancellationToken).ConfigureAwait(false);
            List<ClientBinding> refused;
            try
            {
                refused = await RestoreBindingsAsync(session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                session.Abort("wampy.close.restore_failed", $"Restoring registrations and subscriptions failed: {ex.Message}");
                throw;
            }

            lock (_gate)
            {
                if (_run != run || run.IsCancellationRequested)
                {
                    session.Abort(WampErrorUris.CloseNormal, "The client was closed while joining.");
                    throw new OperationCanceledException("The client was closed while joining.", cancellationToken);
                }

                _session = session;
            }

            _ = session.Completion.ContinueWith(
                static (task, state) =>
                {
                    var (client, session, run) = ((WampClient, WampSession, CancellationTokenSource))state!;
                    client.OnSessionEnded(session, run, task.Result);
                },
                (this, session, run),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            SetState(WampClientState.Connected);
            foreach (var binding in refused)
            {
                _ = RetryBindAsync(binding, session, attempt: 0);
            }

            return session;
        }
        finally
        {
            _bindLock.Release();
        }
    }

    private void OnSessionEnded(WampSession session, CancellationTokenSource run, WampSessionClosedEventArgs closed)
    {
        lock (_gate)
        {
            if (_session != session || _run != run || run.IsCancellationRequested)
            {
                return; // Closed by the application: CloseAsync reports it.
            }
        }

        var error = closed.Exception ?? new WampConnectionLostException($"{closed.Reason}: {closed.Message}");
        if (!_options.Reconnect.Enabled || Volatile.Read(ref _disposed) != 0)
        {
            lock (_gate)
            {
                if (_run == run)
                {
                    _run = null;
                }
            }

            Finish(WampClientState.Closed, closed);
            return;
        }

        SetState(WampClientState.Reconnecting, error);
        _ = ReconnectAsync(run, error);
    }

    private async Task ReconnectAsync(CancellationTokenSource run, Exception lost)
    {
        var attempts = 0;
        ReportReconnecting(1, TimeSpan.Zero, lost);
        try
        {
            var session = await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await AttemptAsync(run, token).ConfigureAwait(false);
                },
                run.Token).ConfigureAwait(false);
            _telemetry.Reconnects.Add(1);
            var (registrations, subscriptions) = _restored;
            Log.Reconnected(_logger, _options.Realm!, session.SessionId, attempts, registrations, subscriptions);
            Raise(Reconnected, new WampReconnectedEventArgs(session.SessionId, attempts), nameof(Reconnected));
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Closed by the application meanwhile.
        }
        catch (Exception ex)
        {
            Log.GaveUp(_logger, _options.Url!, ex.Message, ex);
            lock (_gate)
            {
                if (_run != run)
                {
                    return;
                }

                _run = null;
            }

            Finish(WampClientState.Failed, new WampSessionClosedEventArgs("wampy.close.reconnect_failed", ex.Message, closedByClient: false, ex));
        }
    }

    private ResiliencePipeline BuildPipeline()
    {
        var reconnect = _options.Reconnect;
        var retry = new RetryStrategyOptions
        {
            ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } ex && IsTransient(ex, reconnect.StopOnAuthenticationFailure)),
            MaxRetryAttempts = reconnect.MaxAttempts is { } max ? Math.Max(0, max - 1) : int.MaxValue,
            DelayGenerator = args => new ValueTask<TimeSpan?>(reconnect.GetDelay(args.AttemptNumber)),
            OnRetry = args =>
            {
                ReportReconnecting(args.AttemptNumber + 2, args.RetryDelay, args.Outcome.Exception);
                return default;
            },
        };
        return new ResiliencePipelineBuilder { TimeProvider = _time }.AddRetry(retry).Build();
    }

    /// <summary>Logs the coming attempt (a refusal as one error line, anything else as a warning) and raises <see cref="Reconnecting"/>.</summary>
    private void ReportReconnecting(int attempt, TimeSpan delay, Exception? error)
    {
        if (error is WampSessionAbortedException aborted)
        {
            Log.Refused(_logger, aborted.Message, attempt, Log.Readable(delay));
        }
        else
        {
            Log.Reconnecting(_logger, _options.Url!, attempt, Log.Readable(delay), error?.Message ?? "unknown");
        }

        Raise(Reconnecting, new WampReconnectingEventArgs(attempt, delay, error), nameof(Reconnecting));
    }

    /// <summary>
    /// Whether joining again may succeed: the router unreachable or lost, a timeout, a refusal (unless it is an
    /// authentication failure and <paramref name="stopOnAuthenticationFailure"/>). Not: a protocol violation, a
    /// registration or subscription the router refuses, a missing key file.
    /// </summary>
    internal static bool IsTransient(Exception exception, bool stopOnAuthenticationFailure) => exception switch
    {
        OperationCanceledException => false,
        WampSessionAbortedException aborted => !(stopOnAuthenticationFailure && aborted.IsAuthenticationFailure),
        WampyException wampy => wampy.IsTransient,
        IOException or SocketException or WebSocketException or HttpRequestException or TimeoutException => true,
        _ => false,
    };

    private void SetState(WampClientState next, Exception? error = null)
    {
        WampClientState previous;
        TaskCompletionSource? connected = null;
        lock (_gate)
        {
            previous = _state;
            if (previous == next)
            {
                return;
            }

            _state = next;
            if (error is not null)
            {
                _lastError = error;
            }

            if (next == WampClientState.Connected)
            {
                connected = _connected;
            }
            else if (previous == WampClientState.Connected)
            {
                _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            if (next is WampClientState.Closed or WampClientState.Failed or WampClientState.Disconnected)
            {
                // Wake whoever waits for the session: they see the state and fail at once.
                connected = _connected;
                _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        connected?.TrySetResult();
        _telemetry.SetConnected(next == WampClientState.Connected);
        Raise(StateChanged, new WampClientStateChangedEventArgs(previous, next, error), nameof(StateChanged));
    }

    private void SetStateIfCurrent(CancellationTokenSource run, WampClientState next, Exception? error)
    {
        lock (_gate)
        {
            if (_run != run)
            {
                return;
            }

            _run = null;
        }

        SetState(next, error);
        run.Dispose();
    }

    /// <summary>The client stops for good (closed or failed): the state, then <see cref="Closed"/> once.</summary>
    private void Finish(WampClientState state, WampSessionClosedEventArgs closed)
    {
        if (State is WampClientState.Closed or WampClientState.Failed)
        {
            return;
        }

        SetState(state, state == WampClientState.Failed ? closed.Exception : null);
        Raise(Closed, closed, nameof(Closed));
    }

    private void OnEventDropped(string topic, long publicationId)
    {
        _telemetry.EventsDropped.Add(1, new KeyValuePair<string, object?>("wamp.topic", topic));
        if (EventDropped is { } handler)
        {
            Raise(handler, new WampEventDroppedEventArgs(topic, publicationId), nameof(EventDropped));
        }
    }

    /// <summary>
    /// Raises an event off the caller's thread (never on the receive loop or under a lock), in the order the events
    /// happened: one thread-pool work item at a time drains the queue. Handler exceptions are logged.
    /// </summary>
    private void Raise<TArgs>(EventHandler<TArgs>? handler, TArgs args, string name)
    {
        if (handler is null)
        {
            return;
        }

        _events.Enqueue(() =>
        {
            try
            {
                handler(this, args);
            }
            catch (Exception ex)
            {
                Log.ClientEventHandlerFailed(_logger, name, ex);
            }
        });
        if (Interlocked.CompareExchange(ref _raising, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static client => client.DrainEvents(), this, preferLocal: false);
        }
    }

    private void DrainEvents()
    {
        while (true)
        {
            while (_events.TryDequeue(out var raise))
            {
                raise();
            }

            Volatile.Write(ref _raising, 0);
            if (_events.IsEmpty || Interlocked.CompareExchange(ref _raising, 1, 0) != 0)
            {
                return;
            }
        }
    }

    /// <summary>The connected session at once, or after waiting for the (re)connection up to <see cref="WampClientOptions.ConnectionWaitTimeout"/>.</summary>
    private ValueTask<WampSession> GetSessionAsync(CancellationToken cancellationToken) =>
        ConnectedSession is { } session ? new ValueTask<WampSession>(session) : WaitForSessionAsync(cancellationToken);

    private async ValueTask<WampSession> WaitForSessionAsync(CancellationToken cancellationToken)
    {
        var wait = _options.ConnectionWaitTimeout;
        var started = _time.GetTimestamp();
        while (true)
        {
            WampClientState state;
            Task connected;
            WampSession? session;
            lock (_gate)
            {
                state = _state;
                connected = _connected.Task;
                session = _session;
            }

            switch (state)
            {
                case WampClientState.Connected when session is { IsTerminated: false }:
                    return session;
                case WampClientState.Connected:
                    // The session just ended; the state follows in a moment.
                    await session!.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                    await Task.Yield();
                    continue;
                case WampClientState.Disconnected:
                    throw new WampConnectionException($"The client is not connected to {_options.Url}; call ConnectAsync first.");
                case WampClientState.Closed or WampClientState.Failed:
                    throw new WampConnectionException(
                        $"The client is {state} and no longer connected to {_options.Url}{Describe(LastError)}; call ConnectAsync to start again.", LastError);
            }

            var left = wait - _time.GetElapsedTime(started);
            try
            {
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }

                await connected.WaitAsync(left, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new WampConnectionException(
                    $"Not connected to {_options.Url}: the client is {State} and did not connect within {wait} (ConnectionWaitTimeout){Describe(LastError)}.", LastError);
            }
        }
    }

    private static string Describe(Exception? error) => error is null ? string.Empty : $". Last error: {error.Message}";
}
