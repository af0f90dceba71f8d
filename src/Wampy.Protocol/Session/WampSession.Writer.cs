using System.Text.Json;
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

        var frame = new PooledFrameWriter();
        try
        {
            _serializer.Serialize(message, frame);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            frame.Dispose();
            throw new ArgumentException($"The {message.MessageType.ToString().ToUpperInvariant()} message could not be serialized: {ex.Message}", ex);
        }
        catch
        {
            frame.Dispose();
            throw;
        }

        if (frame.WrittenMemory.Length > _connection.MaxOutgoingMessageSize)
        {
            var length = frame.WrittenMemory.Length;
            frame.Dispose();
            throw new ArgumentException(
                $"The {message.MessageType.ToString().ToUpperInvariant()} message of {length} bytes exceeds the router's maximum RawSocket message length of {_connection.MaxOutgoingMessageSize} bytes.");
        }

        _outbox.Enqueue(frame);
        Flush();
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
                    frame.Dispose();
                    OnSendFailed(ex);
                    return;
                }

                if (!write.IsCompleted)
                {
                    // The writer stays taken until the asynchronous write is done; it then goes on with the queue.
                    _drain = FinishWriteAsync(write, frame);
                    return;
                }

                frame.Dispose();
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
            frame.Dispose();
        }

        Volatile.Write(ref _sending, 0);
        Flush();
    }

    private void OnSendFailed(Exception exception) =>
        Terminate("wampy.close.connection_lost", $"Sending to the router failed: {exception.Message}", closedByClient: false, exception);
}
