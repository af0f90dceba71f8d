using System.Buffers.Binary;
using System.Buffers;
using System.Runtime.CompilerServices;
using Wampy.Serialization;

namespace Wampy.Transports.RawSocket;

/// <summary>
/// One RawSocket connection: 4-byte frame headers (type, 24-bit length), PINGs answered with PONGs, keep-alive
/// PINGs of its own, the router's maximum message length enforced on sends and ours on receives.
/// </summary>
internal sealed class RawSocketConnection : IWampConnection, IReceiveBurstSource
{
    private readonly Stream _stream;
    private readonly BatchingStream _reader;
    private readonly byte[] _header = new byte[4];
    private readonly int _maxReceive;
    private readonly int _maxSend;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _batch = new(4096);
    private readonly CancellationTokenSource _closed = new();
    private readonly TimeSpan _keepAliveTimeout;
    private readonly Timer? _keepAlive;
    private long _pingSentAt;
    private long _lastPong;

    public RawSocketConnection(Stream stream, IWampSerializer serializer, int maxReceive, int maxSend, TimeSpan keepAliveInterval, TimeSpan keepAliveTimeout)
    {
        _stream = stream;
        _reader = new BatchingStream(stream);
        Serializer = serializer;
        _maxReceive = maxReceive;
        _maxSend = maxSend;
        _keepAliveTimeout = keepAliveTimeout;
        if (keepAliveInterval > TimeSpan.Zero)
        {
            _keepAlive = new Timer(static state => _ = ((RawSocketConnection)state!).KeepAliveAsync(), this, keepAliveInterval, keepAliveInterval);
        }
    }

    public IWampSerializer Serializer { get; }

    public int MaxOutgoingMessageSize => _maxSend;

    public IReceiveBurstObserver? BurstObserver
    {
        set => _reader.BurstObserver = value;
    }

    // Once per message: the state machine comes from a pool instead of the heap (each ValueTask is awaited once).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, bool flush = true, CancellationToken cancellationToken = default)
    {
        if (frame.Length > _maxSend)
        {
            throw new ArgumentException(
                $"The message of {frame.Length} bytes exceeds the router's maximum RawSocket message length of {_maxSend} bytes.", nameof(frame));
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            WriteHeader(_batch, RawSocketProtocol.RegularFrame, frame.Length);
            _batch.Write(frame.Span);
            if (flush)
            {
                await FlushBatchAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            throw new WampConnectionLostException($"Sending to the router failed: {ex.Message}", ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // Once per message: the state machine comes from a pool instead of the heap (each ValueTask is awaited once).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken = default)
    {
        var header = _header;
        try
        {
            while (true)
            {
                if (await _reader.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < 4)
                {
                    return false;
                }

                var type = header[0] & 0x07;
                if ((header[0] & 0xF8) != 0)
                {
                    throw new WampProtocolViolationException($"RawSocket frame header uses reserved bits (0x{header[0]:X2}).");
                }

                var length = (header[1] << 16) | (header[2] << 8) | header[3];
                if (length > _maxReceive)
                {
                    throw new WampProtocolViolationException(
                        $"The router sent a RawSocket frame of {length} bytes, over the announced maximum of {_maxReceive} bytes (MaxMessageSize).");
                }

                switch (type)
                {
                    case RawSocketProtocol.RegularFrame:
                        await _reader.ReadExactlyAsync(destination.GetMemory(Math.Max(length, 1))[..length], cancellationToken).ConfigureAwait(false);
                        destination.Advance(length);
                        return true;
                    case RawSocketProtocol.PingFrame:
                        var payload = new byte[length];
                        await _reader.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
                        await SendControlAsync(RawSocketProtocol.PongFrame, payload).ConfigureAwait(false);
                        break;
                    case RawSocketProtocol.PongFrame:
                        await _reader.ReadExactlyAsync(new byte[length], cancellationToken).ConfigureAwait(false);
                        Volatile.Write(ref _lastPong, Environment.TickCount64);
                        break;
                    default:
                        throw new WampProtocolViolationException($"Unknown RawSocket frame type {type}.");
                }
            }
        }
        catch (EndOfStreamException)
        {
            throw new WampConnectionLostException("The router closed the RawSocket connection in the middle of a frame.");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            throw new WampConnectionLostException($"The connection to the router was lost: {ex.Message}", ex);
        }
    }

    public ValueTask CloseAsync(CancellationToken cancellationToken = default)
    {
        _closed.Cancel();
        try
        {
            if (_stream is System.Net.Sockets.NetworkStream network)
            {
                network.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
            }
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ObjectDisposedException)
        {
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _closed.Cancel();
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync().ConfigureAwait(false);
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }

    private static void WriteHeader(IBufferWriter<byte> output, byte type, int length)
    {
        var header = output.GetSpan(4);
        BinaryPrimitives.WriteInt32BigEndian(header, length);
        header[0] = type;
        output.Advance(4);
    }

    // Once per message: the state machine comes from a pool instead of the heap (each ValueTask is awaited once).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FlushBatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(_batch.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _batch.ResetWrittenCount();
        }
    }

    private async Task SendControlAsync(byte type, byte[] payload)
    {
        await _writeLock.WaitAsync(_closed.Token).ConfigureAwait(false);
        try
        {
            WriteHeader(_batch, type, payload.Length);
            _batch.Write(payload);
            await FlushBatchAsync(_closed.Token).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends a PING; drops the connection when the previous PING went unanswered for longer than the timeout.</summary>
    private async Task KeepAliveAsync()
    {
        try
        {
            var sent = Volatile.Read(ref _pingSentAt);
            if (sent != 0 && Volatile.Read(ref _lastPong) < sent && Environment.TickCount64 - sent > _keepAliveTimeout.TotalMilliseconds)
            {
                // No PONG: the router is gone. Disposing the stream fails the pending receive, which ends the session.
                await _stream.DisposeAsync().ConfigureAwait(false);
                return;
            }

            if (sent == 0 || Volatile.Read(ref _lastPong) >= sent)
            {
                Volatile.Write(ref _pingSentAt, Environment.TickCount64);
                await SendControlAsync(RawSocketProtocol.PingFrame, BitConverter.GetBytes(Environment.TickCount64)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
