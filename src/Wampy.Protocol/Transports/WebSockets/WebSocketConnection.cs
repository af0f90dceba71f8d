using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Wampy.Serialization;

namespace Wampy.Transports.WebSockets;

/// <summary>One WebSocket connection carrying WAMP frames: one WebSocket message per WAMP message.</summary>
internal sealed class WebSocketConnection(
    ClientWebSocket socket, IWampSerializer serializer, int maxMessageSize, BatchingStream? stream, IDisposable? owner) : IWampConnection, IReceiveBurstSource
{
    private const int ReceiveChunk = 16 * 1024;

    private readonly WebSocketMessageType _messageType = serializer.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;

    public IWampSerializer Serializer => serializer;

    public int MaxOutgoingMessageSize => int.MaxValue;

    public IReceiveBurstObserver? BurstObserver
    {
        set
        {
            if (stream is not null)
            {
                stream.BurstObserver = value;
            }
        }
    }

    // Once per message: the state machine comes from a pool instead of the heap (each ValueTask is awaited once).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, bool flush = true, CancellationToken cancellationToken = default)
    {
        try
        {
            if (stream is not null)
            {
                stream.HoldWrites = !flush;
            }

            await socket.SendAsync(frame, _messageType, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            throw new WampConnectionLostException($"Sending to the router failed: {ex.Message}", ex);
        }
    }

    // Once per message: the state machine comes from a pool instead of the heap (each ValueTask is awaited once).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(destination.GetMemory(ReceiveChunk), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
            {
                throw new WampConnectionLostException($"The connection to the router was lost: {ex.Message}", ex);
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await CloseAsync().ConfigureAwait(false);
                }

                return false;
            }

            total += result.Count;
            if (total > maxMessageSize)
            {
                throw new WampProtocolViolationException(
                    $"The router sent a message larger than the limit of {maxMessageSize} bytes (MaxMessageSize).");
            }

            destination.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return true;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (socket.State != WebSocketState.Closed)
        {
            socket.Abort();
        }

        socket.Dispose();
        owner?.Dispose();
        return ValueTask.CompletedTask;
    }

    public async ValueTask CloseAsync(CancellationToken cancellationToken = default)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                // The connection is going away anyway; nothing is lost by not closing it politely.
            }
        }
    }
}
