using System.Buffers;
using Wampy.Serialization;

namespace Wampy.Transports;

/// <summary>
/// One open connection to a router, carrying whole WAMP frames. One reader and one writer may use it at the
/// same time; callers serialize their own sends.
/// </summary>
public interface IWampConnection : IAsyncDisposable
{
    /// <summary>The serializer the router agreed to.</summary>
    IWampSerializer Serializer { get; }

    /// <summary>The largest frame the router accepts (negotiated by RawSocket; unlimited for WebSocket).</summary>
    int MaxOutgoingMessageSize { get; }

    /// <summary>Sends one whole frame.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="flush">
    /// <see langword="false"/> when more frames follow at once: the transport may hold this one and send the batch
    /// in one write when a frame comes with <see langword="true"/>. Every batch ends with a flushing frame.
    /// </param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the frame is handed to the network (or held for the batch).</returns>
    ValueTask SendAsync(ReadOnlyMemory<byte> frame, bool flush = true, CancellationToken cancellationToken = default);

    /// <summary>Receives one whole frame, reassembling fragments.</summary>
    /// <param name="destination">Where the frame's bytes go.</param>
    /// <param name="cancellationToken">Cancels the receive.</param>
    /// <returns><see langword="true"/> for a frame; <see langword="false"/> when the router closed the connection.</returns>
    /// <exception cref="WampProtocolViolationException">The frame exceeds the configured maximum size.</exception>
    ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken = default);

    /// <summary>Starts a clean close: tells the router the connection is ending. The reader sees the router's answer.</summary>
    /// <param name="cancellationToken">Cancels the close.</param>
    /// <returns>A task that completes when the close is sent.</returns>
    ValueTask CloseAsync(CancellationToken cancellationToken = default);
}
