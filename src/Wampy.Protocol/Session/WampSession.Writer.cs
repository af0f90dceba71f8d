using System.Text.Json;
using Wampy.Diagnostics;
using Wampy.Messages;

namespace Wampy.Session;

internal sealed partial class WampSession
{
    /// <summary>Serializes <paramref name="message"/> on the calling thread, queues it, and writes the queue if no one else is.</summary>
    /// <exception cref="WampConnectionLostException">The session has ended.</exception>
    /// <exception cref="ArgumentException">A payload value cannot be serialized.</exception>
    public void Send(WampMessage message)
    {
        if (IsTerminated)
        {
            throw LostException();
        }

        var frame = PooledFrameWriter.Rent();
        try
        {
            _serializer.Serialize(message, frame);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            frame.Return();
            throw new ArgumentException($"The {message.MessageType.ToString().ToUpperInvariant()} message could not be serialized: {ex.Message}", ex);
        }
        catch
        {
            frame.Return();
            throw;
        }

        if (frame.WrittenMemory.Length > _connection.MaxOutgoingMessageSize)
        {
            var length = frame.WrittenMemory.Length;
            frame.Return();
            throw new ArgumentException(
                $"The {message.MessageType.ToString().ToUpperInvariant()} message of {length} bytes exceeds the router's maximum RawSocket message length of {_connection.MaxOutgoingMessageSize} bytes.");
        }

        FrameTrace.Sent(_logger, message);
        Interlocked.Add(ref _queuedBytes, frame.WrittenCount);
        _outbox.Enqueue(frame);
        if (!HoldsWrites)
        {
            Flush();
        }
    }

    /// <summary>The bytes serialized and not yet written to the connection.</summary>
    public long QueuedBytes => Volatile.Read(ref _queuedBytes);

    /// <summary>
    /// Completes at once while fewer than <see cref="WampClientOptions.MaxOutboundQueueBytes"/> wait to be written;
    /// otherwise when the router has read enough (backpressure for calls and publications).
    /// </summary>
    public ValueTask WaitForOutboundSpaceAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _queuedBytes) < _options.MaxOutboundQueueBytes ? default : WaitForSpaceSlowAsync(cancellationToken);

    private async ValueTask WaitForSpaceSlowAsync(CancellationToken cancellationToken)
    {
        Log.OutboundQueueFull(_logger, QueuedBytes, _options.MaxOutboundQueueBytes);
        while (Volatile.Read(ref _queuedBytes) >= _options.MaxOutboundQueueBytes)
        {
            if (IsTerminated)
            {
                throw LostException();
            }

            TaskCompletionSource space;
            lock (_spaceLock)
            {
                space = _space ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            if (Volatile.Read(ref _queuedBytes) < _options.MaxOutboundQueueBytes || IsTerminated)
            {
                continue;
            }

            await space.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A frame is written (or dropped): its bytes leave the queue, and waiting senders may go on.</summary>
    private void Release(PooledFrameWriter frame)
    {
        var queued = Interlocked.Add(ref _queuedBytes, -frame.WrittenCount);
        frame.Return();
        if (Volatile.Read(ref _space) is not null && queued < _options.MaxOutboundQueueBytes)
        {
            SignalSpace();
        }
    }

    private void SignalSpace()
    {
        TaskCompletionSource? space;
        lock (_spaceLock)
        {
            space = _space;
            _space = null;
        }

        space?.TrySetResult();
    }

    /// <summary>Writes queued frames in order while this thread holds the writer; continues asynchronously if a write does.</summary>
    private void Flush()
    {
        while (Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
        {
            while (_outbox.TryDequeue(out var frame))
            {
                ValueTask write;
                try
                {
                    // Frames queued behind this one go out in the same write.
                    write = _connection.SendAsync(frame.WrittenMemory, flush: _outbox.IsEmpty);
                }
                catch (Exception ex)
                {
                    Release(frame);
                    OnSendFailed(ex);
                    return;
                }

                if (!write.IsCompleted)
                {
                    // The writer stays taken until the asynchronous write is done; it then goes on with the queue.
                    _drain = FinishWriteAsync(write, frame);
                    return;
                }

                Release(frame);
                try
                {
                    write.GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    OnSendFailed(ex);
                    return;
                }
            }

            Volatile.Write(ref _sending, 0);
            if (_outbox.IsEmpty)
            {
                return;
            }
        }
    }

    private async Task FinishWriteAsync(ValueTask write, PooledFrameWriter frame)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            OnSendFailed(ex);
            return;
        }
        finally
        {
            Release(frame);
        }

        Volatile.Write(ref _sending, 0);
        Flush();
    }

    private void OnSendFailed(Exception exception) =>
        Terminate("wampy.close.connection_lost", $"Sending to the router failed: {exception.Message}", closedByClient: false, exception);
}
