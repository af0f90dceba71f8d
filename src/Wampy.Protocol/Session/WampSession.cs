using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wampy.Diagnostics;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Transports;
using Wampy.Transports.RawSocket;
using Wampy.Transports.WebSockets;

namespace Wampy.Session;

/// <summary>
/// One joined WAMP session on one connection. A single receive loop reads every frame and dispatches it. Frames
/// are queued in order and written by one writer at a time, so they never interleave: the sender that finds the
/// writer free writes inline (no thread hop), and others leave their frames for it. When the connection ends, every pending
/// request fails at once and the session is over: a new session needs a new <see cref="WampSession"/>.
/// </summary>
internal sealed partial class WampSession
{
    private const int RetainedReceiveBufferSize = 1024 * 1024;

    private readonly IWampConnection _connection;
    private readonly IWampSerializer _serializer;
    private readonly SessionContext _context;
    private readonly WampClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>
    /// Closing (GOODBYE, UNREGISTER/UNSUBSCRIBE, draining, the transport close) is bounded by the system clock, not
    /// the injected one: a safety net that must hold even while a test's fake clock stands still.
    /// </summary>
    private static TimeProvider CloseClock => TimeProvider.System;
    private readonly WampRequestIdGenerator _ids = new();
    private readonly RequestTable<PendingRequest> _pending = new();
    private readonly RequestTimers _timers;
    private readonly ConcurrentQueue<PooledFrameWriter> _outbox = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource<WampSessionClosedEventArgs> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiveLoop = Task.CompletedTask;
    private Task _drain = Task.CompletedTask;
    private int _sending;
    private long _queuedBytes;
    private readonly Lock _spaceLock = new();
    private TaskCompletionSource? _space;
    private const string ClosedByClientMessage = "The session was closed by the client.";
    private TaskCompletionSource<GoodbyeMessage>? _goodbyeReply;
    private string? _closingReason;
    private WampSessionClosedEventArgs? _closeReason;
    private int _terminated;

    private WampSession(IWampConnection connection, SessionContext context)
    {
        _connection = connection;
        _serializer = connection.Serializer;
        _context = context;
        _options = context.Options;
        _logger = context.Logger;
        _time = context.Time;
        _timers = new RequestTimers(_time);
    }

    /// <summary>The router-assigned session id.</summary>
    public long SessionId { get; private set; }

    /// <summary>WELCOME details: router roles, authid, authrole, authmethod.</summary>
    public IReadOnlyDictionary<string, object?> WelcomeDetails { get; private set; } = WampDictionary.Empty;

    /// <summary>Completes when the session has ended, with the reason.</summary>
    public Task<WampSessionClosedEventArgs> Completion => _closed.Task;

    /// <summary>Whether the session has ended.</summary>
    public bool IsTerminated => Volatile.Read(ref _terminated) != 0;

    /// <summary>Cancelled when the session ends.</summary>
    public CancellationToken Lifetime => _lifetime.Token;

    /// <summary>Connects, says HELLO, answers CHALLENGEs and returns the joined session.</summary>
    public static async Task<WampSession> JoinAsync(SessionContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var url = options.Url!;
        if (url.Scheme is "wss" or "tls" && options.Tls.AllowUntrustedCertificates)
        {
            Log.UntrustedCertificatesAllowed(context.Logger, url);
        }

        using var deadline = new CancellationTokenSource(options.ConnectTimeout, context.Time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        IWampConnection? connection = null;
        try
        {
            connection = await context.Transport.ConnectAsync(url, context.Serializers, timeout.Token).ConfigureAwait(false);
            var session = new WampSession(connection, context);
            await session.HandshakeAsync(timeout.Token).ConfigureAwait(false);
            session.Start();
            Log.Joined(context.Logger, options.Realm!, session.SessionId, url, connection.Serializer.Subprotocol);
            return session;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw new WampConnectionException(
                $"Joining realm '{options.Realm}' at {url} did not complete within {options.ConnectTimeout} (ConnectTimeout).");
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Says GOODBYE, waits for the router's answer and closes the transport; ends the session.</summary>
    public async Task CloseAsync(string reason, CancellationToken cancellationToken)
    {
        if (IsTerminated)
        {
            return;
        }

        var reply = new TaskCompletionSource<GoodbyeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _goodbyeReply, reply, null) is not null)
        {
            await Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            _closingReason = reason;
            Send(new GoodbyeMessage(WampDictionary.Empty, reason));
            await reply.Task.WaitAsync(_options.CloseTimeout, CloseClock, cancellationToken).ConfigureAwait(false);
            await _connection.CloseAsync(cancellationToken).ConfigureAwait(false);
            await _receiveLoop.WaitAsync(_options.CloseTimeout, CloseClock, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or WampConnectionException)
        {
            // The router did not answer in time or is gone: the session ends all the same.
        }
        finally
        {
            Terminate(reason, ClosedByClientMessage, closedByClient: true, exception: null);
        }
    }

    /// <summary>Aborts the session at once: no GOODBYE, the transport is dropped.</summary>
    public void Abort(string reason, string message) => Terminate(reason, message, closedByClient: true, exception: null);

    /// <summary>Registers a pending request, arms its deadline and cancellation, sends it, and returns the task of its reply.</summary>
    public Task<TResult> RequestAsync<TResult>(
        long requestId, WampMessage request, PendingRequest<TResult> pending, TimeSpan? timeout, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        _pending.Add(requestId, pending);
        if (IsTerminated)
        {
            _pending.TryRemove(requestId, out _);
            return Task.FromException<TResult>(LostException());
        }

        // Armed before sending, so that a reply cannot settle the request before its timer exists.
        pending.Arm(this, requestId, timeout, clock ?? _time, Timers, cancellationToken);
        try
        {
            Send(request);
        }
        catch (Exception ex)
        {
            if (_pending.TryRemove(requestId, pending))
            {
                pending.Fail(ex);
            }
        }

        return pending.Task;
    }

    /// <summary>The pooled deadline timers of this session's requests (on the session's clock).</summary>
    public RequestTimers Timers => _timers;

    /// <summary>Stops waiting for a request's reply; a reply that still comes is dropped (correlated by request id).</summary>
    public void Abandon(long requestId)
    {
        if (_pending.TryGet(requestId, out var pending))
        {
            TryAbandon(requestId, pending);
        }
    }

    /// <summary>
    /// Takes <paramref name="pending"/> out of the table unless its reply (or the end of the session) got it first;
    /// a call taken out is cancelled at the router. Returns whether it was taken out here.
    /// </summary>
    public bool TryAbandon(long requestId, PendingRequest pending)
    {
        if (!_pending.TryRemove(requestId, pending))
        {
            return false;
        }

        if (pending.CancelOnAbandon is { } mode)
        {
            Cancel(requestId, mode);
        }

        return true;
    }

    /// <summary>
    /// Sends UNREGISTER or UNSUBSCRIBE and waits for the reply within <see cref="WampClientOptions.CloseTimeout"/>.
    /// It completes quietly when the registration or subscription is already gone: the session ended (the router
    /// dropped it with the session), the router removed it on its side (<c>no_such_registration</c>,
    /// <c>no_such_subscription</c>), or the router never answers.
    /// </summary>
    private async Task EndAsync(long requestId, WampMessage request, PendingRequest<WampMessage> pending)
    {
        try
        {
            await RequestAsync(requestId, request, pending, _options.CloseTimeout, default, CloseClock).ConfigureAwait(false);
        }
        catch (WampConnectionException)
        {
            // The session ended: the router dropped the registration or subscription with it.
        }
        catch (WampException ex) when (ex.Error is WampErrorUris.NoSuchRegistration or WampErrorUris.NoSuchSubscription)
        {
            Log.AlreadyGone(_logger, pending.Context, ex.Error);
        }
        catch (WampTimeoutException)
        {
            Log.AlreadyGone(_logger, pending.Context, "no answer within the close timeout");
        }
    }

    private WampConnectionLostException LostException()
    {
        var closed = _closed.Task.IsCompletedSuccessfully ? _closed.Task.Result : null;
        return new WampConnectionLostException(
            closed is null ? "The session has ended." : $"The session has ended: {closed.Message}", closed?.Exception);
    }

    private void Start()
    {
        _receiveLoop = StartReceiveLoop();
        StartHeartbeat();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (!IsTerminated)
            {
                if (buffer.Capacity > RetainedReceiveBufferSize)
                {
                    buffer = new ArrayBufferWriter<byte>(16 * 1024);
                }
                else
                {
                    buffer.ResetWrittenCount();
                }

                if (!await _connection.ReceiveAsync(buffer, _lifetime.Token).ConfigureAwait(false))
                {
                    Terminate(
                        "wampy.close.connection_lost",
                        "The router closed the connection.",
                        closedByClient: _goodbyeReply is not null,
                        exception: null);
                    return;
                }

                MarkReceived();
                var message = _serializer.Deserialize(buffer.WrittenMemory);
                FrameTrace.Received(_logger, message);
                EnterDispatch();
                try
                {
                    Dispatch(message);
                }
                finally
                {
                    LeaveDispatch();
                }
            }
        }
        catch (WampProtocolViolationException ex)
        {
            Log.ProtocolViolation(_logger, SessionId, ex.Message);
            // The violation is why the session ends, whatever fails while saying so.
            Interlocked.CompareExchange(ref _closeReason, new(WampErrorUris.ProtocolViolation, ex.Message, closedByClient: false, ex), null);
            await AbortAsync(WampErrorUris.ProtocolViolation, ex.Message).ConfigureAwait(false);
            Terminate(WampErrorUris.ProtocolViolation, ex.Message, closedByClient: false, ex);
        }
        catch (OperationCanceledException) when (IsTerminated)
        {
        }
        catch (Exception ex)
        {
            var text = ex is WampConnectionLostException ? ex.Message : $"The connection to the router was lost: {ex.Message}";
            Terminate("wampy.close.connection_lost", text, closedByClient: false, ex);
        }
        finally
        {
            // Work made since the loop last parked still runs.
            ReleaseBurstItems();
        }
    }

    /// <summary>Sends ABORT behind whatever is queued and closes the transport, best effort.</summary>
    private async Task AbortAsync(string reason, string message)
    {
        try
        {
            var details = new Dictionary<string, object?> { ["message"] = message };
            using var timeout = new CancellationTokenSource(_options.CloseTimeout, CloseClock);
            Send(new AbortMessage(details, reason));
            await _drain.WaitAsync(timeout.Token).ConfigureAwait(false);
            await _connection.CloseAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The connection is going away whatever happens here; ABORT was a courtesy.
        }
    }

    /// <summary>Ends the session once: fails pending requests, stops handlers, drops the transport.</summary>
    private void Terminate(string reason, string message, bool closedByClient, Exception? exception)
    {
        if (Interlocked.Exchange(ref _terminated, 1) != 0)
        {
            return;
        }

        Interlocked.CompareExchange(ref _closeReason, new(reason, message, closedByClient, exception), null);
        var args = _closeReason;
        (reason, message, closedByClient, exception) = (args.Reason, args.Message, args.ClosedByClient, args.Exception);
        _closed.TrySetResult(args);
        if (closedByClient)
        {
            Log.SessionClosed(_logger, SessionId, reason, message);
        }
        else
        {
            Log.SessionLost(_logger, SessionId, message, exception);
        }

        var lost = new WampConnectionLostException($"The session ended before the reply arrived: {message}", exception);
        foreach (var pending in _pending.RemoveAll())
        {
            pending.Fail(lost);
        }

        _timers.Dispose();

        _goodbyeReply?.TrySetException(lost);
        CompleteSubscriptions();
        StopHeartbeat();
        SignalSpace();
        _lifetime.Cancel();
        CancelInvocations();
        _ = DisposeConnectionAsync();
    }

    private async Task DisposeConnectionAsync()
    {
        try
        {
            // Let frames already queued (a GOODBYE answer) go out, but never wait on a dead peer for long.
            await _drain.WaitAsync(_options.CloseTimeout, CloseClock).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        finally
        {
            using var timeout = new CancellationTokenSource(_options.CloseTimeout, CloseClock);
            await _connection.CloseAsync(timeout.Token).ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
            while (_outbox.TryDequeue(out var frame))
            {
                Release(frame);
            }
        }
    }
}
