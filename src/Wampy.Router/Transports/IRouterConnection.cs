using System.Buffers;
using Wampy.Serialization;

namespace Wampy.Router.Transports;

/// <summary>One client connection as the router sees it, whatever the transport.</summary>
internal interface IRouterConnection : IAsyncDisposable
{
    /// <summary>The serializer negotiated for this connection.</summary>
    IWampSerializer Serializer { get; }

    /// <summary>The transport's name for session details: <c>websocket</c> or <c>rawsocket</c>.</summary>
    string TransportType { get; }

    /// <summary>The peer's address, for logs and session details.</summary>
    string PeerAddress { get; }

    /// <summary>
    /// Receives the next whole message; the memory is valid until the next call. Returns <see langword="false"/>
    /// when the peer closed the connection. Throws <see cref="RouterConnectionException"/> on a transport-level
    /// violation such as a message over the size limit.
    /// </summary>
    ValueTask<bool> ReceiveAsync(ArrayBufferWriter<byte> frame, CancellationToken cancellationToken);

    /// <summary>Queues one serialized message; <see cref="FlushAsync"/> pushes what was queued.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    /// <summary>Pushes queued messages to the network.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>Closes the connection gracefully where the transport allows it.</summary>
    ValueTask CloseAsync(CancellationToken cancellationToken);
}
