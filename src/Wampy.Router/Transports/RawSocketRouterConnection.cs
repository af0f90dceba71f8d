using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Wampy.Serialization;
using Wampy.Transports.RawSocket;

namespace Wampy.Router.Transports;

/// <summary>
/// A client on the RawSocket endpoint after the handshake: 4-byte frame headers, PINGs answered with PONGs,
/// our size limit enforced on what the client sends, and the client's announced limit on what it is sent: a message
/// larger than that is never sent (the session ends instead, as the client could not receive it).
/// </summary>
internal sealed class RawSocketRouterConnection(ConnectionContext connection, IWampSerializer serializer, int maxMessageSize, int maxSendSize)
    : IRouterConnection
{
    private readonly PipeReader _input = connection.Transport.Input;
    private readonly PipeWriter _output = connection.Transport.Output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public IWampSerializer Serializer => serializer;

    public string TransportType => "rawsocket";

    public string PeerAddress => connection.RemoteEndPoint?.ToString() ?? "unknown";

    public async ValueTask<bool> ReceiveAsync(ArrayBufferWriter<byte> frame, CancellationToken cancellationToken)
    {
        while (true)
        {
            var header = await _input.ReadAtLeastAsync(4, cancellationToken).ConfigureAwait(false);
            if (header.Buffer.Length < 4)
            {
                return false;
            }

            var (type, length) = ReadHeader(header.Buffer);
            if (type > RawSocketProtocol.PongFrame)
            {
                throw new RouterConnectionException($"RawSocket frame type {type} is not defined.");
            }

            if (length > maxMessageSize)
            {
                throw new RouterConnectionException($"A message of {length} bytes is larger than the router's limit of {maxMessageSize} bytes.");
            }

            _input.AdvanceTo(header.Buffer.Start);
            var whole = await _input.ReadAtLeastAsync(4 + length, cancellationToken).ConfigureAwait(false);
            if (whole.Buffer.Length < 4 + length)
            {
                return false;
            }

            var payload = whole.Buffer.Slice(4, length);
            switch (type)
            {
                case RawSocketProtocol.RegularFrame:
                    payload.CopyTo(frame.GetSpan(length));
                    frame.Advance(length);
                    _input.AdvanceTo(payload.End);
                    return true;
                case RawSocketProtocol.PingFrame:
                    var echo = payload.ToArray();
                    _input.AdvanceTo(payload.End);
                    await WriteFrameAsync(RawSocketProtocol.PongFrame, echo, flush: true, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    _input.AdvanceTo(payload.End);
                    break;
            }
        }
    }

    private static (byte Type, int Length) ReadHeader(ReadOnlySequence<byte> buffer)
    {
        Span<byte> bytes = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(bytes);
        return (bytes[0], (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]);
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        frame.Length > maxSendSize
            ? throw new RouterConnectionException($"A message of {frame.Length} bytes is larger than the {maxSendSize} bytes the client announced it can receive.")
            : WriteFrameAsync(RawSocketProtocol.RegularFrame, frame, flush: false, cancellationToken);

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        await _output.CompleteAsync().ConfigureAwait(false);
        await _input.CompleteAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        // Kestrel owns the connection itself and disposes it when the handler returns.
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask WriteFrameAsync(byte type, ReadOnlyMemory<byte> payload, bool flush, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var span = _output.GetSpan(4 + payload.Length);
            BinaryPrimitives.WriteInt32BigEndian(span, payload.Length);
            span[0] = type;
            payload.Span.CopyTo(span[4..]);
            _output.Advance(4 + payload.Length);
            if (flush)
            {
                await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
