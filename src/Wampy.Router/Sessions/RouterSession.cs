using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Router.Authentication;
using Wampy.Router.Diagnostics;
using Wampy.Router.Realms;
using Wampy.Router.Transports;
using Wampy.Serialization;
using Wampy.Session;

namespace Wampy.Router.Sessions;

/// <summary>
/// One client session on the router: the handshake, then a receive loop that hands each message to the realm,
/// and a writer that drains the session's outbound queue. A session that breaks the protocol is aborted alone.
/// </summary>
internal sealed partial class RouterSession
{
    private readonly IRouterConnection _connection;
    private readonly RouterCore _router;
    private readonly ILogger _logger;
    private readonly Channel<WampMessage> _outbound;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ending;
    private bool _shuttingDown;
    private long _queuedBytes;

    private readonly TransportIdentity? _transportIdentity;

    public RouterSession(IRouterConnection connection, RouterCore router, TransportIdentity? transportIdentity = null)
    {
        _connection = connection;
        _transportIdentity = transportIdentity;
        _router = router;
        _logger = router.Logger;
        _outbound = Channel.CreateBounded<WampMessage>(new BoundedChannelOptions(router.Options.MaxQueuedMessagesPerSession)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public long Id { get; private set; }

    public RouterRealm? Realm { get; private set; }

    public string AuthId { get; private set; } = "";

    public string AuthRole { get; private set; } = "";

    public string AuthMethod { get; private set; } = "";

    public string TransportType => _connection.TransportType;

    public string PeerAddress => _connection.PeerAddress;

    /// <summary>Whether the client announced the callee feature <c>call_canceling</c> (it understands INTERRUPT).</summary>
    public bool SupportsInterrupt { get; private set; }

    /// <summary>Whether the client announced <c>progressive_call_results</c> as a callee: only then does an INVOCATION carry <c>receive_progress</c>.</summary>
    public bool SupportsProgressiveResults { get; private set; }

    /// <summary>Whether the client announced <c>registration_revocation</c>: only then is it sent UNREGISTERED for a registration the router removed.</summary>
    public bool SupportsRegistrationRevocation { get; private set; }

    /// <summary>Whether the client announced <c>subscription_revocation</c>: only then is it sent UNSUBSCRIBED for a subscription the router removed.</summary>
    public bool SupportsSubscriptionRevocation { get; private set; }

    /// <summary>The session's state in the realm; guarded by the realm's lock.</summary>
    public SessionState State { get; } = new();

    /// <summary>Completes when the session has ended and its connection is closed.</summary>
    public Task Finished => _finished.Task;

    /// <summary>Queues a message for this session. Never blocks: a session whose queue is full is closed as too slow.</summary>
    public void Send(WampMessage message)
    {
        var size = ApproximateSize(message);
        var queued = Interlocked.Add(ref _queuedBytes, size);
        if (queued <= _router.Options.MaxQueuedBytesPerSession && _outbound.Writer.TryWrite(message))
        {
            return;
        }

        Interlocked.Add(ref _queuedBytes, -size);
        if (Volatile.Read(ref _ending) != 0)
        {
            return;
        }

        Log.SlowConsumer(_logger, Id, _router.Options.MaxQueuedMessagesPerSession, _router.Options.MaxQueuedBytesPerSession);
        _router.Telemetry.SlowConsumers.Add(1);
        Kill();
        DropQueued();
        _router.ReclaimMemorySoon();
    }

    /// <summary>Bytes (about) waiting to be written to this session.</summary>
    public long QueuedBytes => Volatile.Read(ref _queuedBytes);

    /// <summary>About how many bytes a message takes while it waits: its payload as received plus a little.</summary>
    private static long ApproximateSize(WampMessage message) => message is IWampPayloadMessage payload
        ? 64 + (payload.Arguments?.ApproximateSize ?? 0) + (payload.ArgumentsKw?.ApproximateSize ?? 0)
        : 64;

    /// <summary>Lets go of what a session that is cut will never receive, so that its memory can be reclaimed at once.</summary>
    private void DropQueued()
    {
        while (_outbound.Reader.TryRead(out var dropped))
        {
            Interlocked.Add(ref _queuedBytes, -ApproximateSize(dropped));
        }
    }

    /// <summary>Sends ABORT with <paramref name="reason"/> and ends the session.</summary>
    public void Abort(string reason, string message) => AbortQuietly(reason, message, log: true);

    /// <summary>Sends ABORT and ends the session, logging it only when <paramref name="log"/> (repeated refusals are rate-limited).</summary>
    private void AbortQuietly(string reason, string message, bool log)
    {
        if (log && Id == 0)
        {
            Log.ConnectionAborted(_logger, PeerAddress, reason, message); // no session yet: name the peer, not "session 0"
        }
        else if (log)
        {
            Log.SessionAborted(_logger, Id, reason, message);
        }

        _router.Telemetry.Aborts.Add(1, new KeyValuePair<string, object?>("wamp.reason", reason));
        _outbound.Writer.TryWrite(new AbortMessage(new Dictionary<string, object?> { ["message"] = message }, reason));
        End();
    }

    /// <summary>Starts the router-initiated close: GOODBYE now; the session ends when the client answers or time is up.</summary>
    public void Shutdown()
    {
        if (Volatile.Read(ref _ending) == 0 && Realm is not null)
        {
            _shuttingDown = true;
            _outbound.Writer.TryWrite(new GoodbyeMessage(WampDictionary.Empty, WampErrorUris.SystemShutdown));
        }
        else
        {
            End();
        }
    }

    /// <summary>
    /// Closes the session for the router's own reason (the session meta API's kill): GOODBYE with
    /// <paramref name="reason"/> and <paramref name="message"/>; the session ends when the client answers, or after
    /// <see cref="WampRouterOptions.ShutdownTimeout"/>.
    /// </summary>
    public void Close(string reason, string? message)
    {
        if (Volatile.Read(ref _ending) != 0 || _shuttingDown)
        {
            return;
        }

        _shuttingDown = true;
        var details = message is null ? WampDictionary.Empty : new Dictionary<string, object?> { ["message"] = message };
        _outbound.Writer.TryWrite(new GoodbyeMessage(details, reason));
        _ = EndAfterAsync(_router.Options.ShutdownTimeout);
    }

    private async Task EndAfterAsync(TimeSpan timeout)
    {
        try
        {
            await Task.Delay(timeout, _router.TimeProvider, _closing.Token).ConfigureAwait(false);
            Kill();
        }
        catch (OperationCanceledException)
        {
            // The session ended first.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// Ends the session: nothing more is queued, what is queued (an ABORT or GOODBYE) is sent, then receiving stops
    /// and the connection closes.
    /// </summary>
    public void End()
    {
        if (Interlocked.Exchange(ref _ending, 1) == 0)
        {
            _outbound.Writer.TryComplete();
        }
    }

    /// <summary>Ends the session without waiting for queued messages to be sent (a peer that does not read).</summary>
    public void Kill()
    {
        End();
        CancelReceive();
    }

    private void CancelReceive()
    {
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Runs the session to its end; never throws.</summary>
    public async Task RunAsync()
    {
        var writer = WriteLoopAsync();
        try
        {
            if (await HandshakeAsync().ConfigureAwait(false))
            {
                await ReceiveLoopAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is RouterConnectionException or WampProtocolViolationException)
        {
            Abort(WampErrorUris.ProtocolViolation, ex.Message);
        }
        catch (Exception ex)
        {
            Log.SessionFailed(_logger, ex, Id, PeerAddress);
        }
        finally
        {
            Realm?.Leave(this);
            End();
            await FinishAsync(writer).ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(Task writer)
    {
        try
        {
            await writer.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _connection.CloseAsync(close.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.CloseFailed(_logger, ex, Id);
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _closing.Dispose();
            _finished.TrySetResult();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var frame = new ArrayBufferWriter<byte>(4096);
        var serializer = _connection.Serializer;
        while (await _connection.ReceiveAsync(frame, _closing.Token).ConfigureAwait(false))
        {
            var message = serializer.Deserialize(frame.WrittenMemory);
            frame.ResetWrittenCount();
            if (frame.Capacity > 256 * 1024)
            {
                frame = new ArrayBufferWriter<byte>(4096);
            }

            if (!Dispatch(message) || Volatile.Read(ref _ending) != 0)
            {
                return;
            }
        }
    }

    private bool TrySerialize(IWampSerializer serializer, WampMessage message, PooledFrameWriter buffer)
    {
        try
        {
            serializer.Serialize(message, buffer);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            // A payload this session's serializer cannot carry: that one message is lost, the session lives.
            Log.SerializeFailed(_logger, ex, message.MessageType, Id);
            return false;
        }
    }

    private async Task WriteLoopAsync()
    {
        using var buffer = new PooledFrameWriter();
        var serializer = _connection.Serializer;
        var reader = _outbound.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    Interlocked.Add(ref _queuedBytes, -ApproximateSize(message));
                    buffer.Reset();
                    if (!TrySerialize(serializer, message, buffer))
                    {
                        continue;
                    }

                    await _connection.SendAsync(buffer.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
                }

                await _connection.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // The connection is gone: nothing more can be delivered.
            Log.SendFailed(_logger, ex, Id);
            End();
        }
        finally
        {
            // Everything queued is out (or cannot go out): stop receiving.
            CancelReceive();
        }
    }
}
