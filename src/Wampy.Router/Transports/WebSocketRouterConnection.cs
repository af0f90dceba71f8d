using System.Buffers;
using System.Net.WebSockets;
using Wampy.Serialization;

namespace Wampy.Router.Transports;

/// <summary>A client on the WebSocket endpoint: one WAMP message per WebSocket message.</summary>
internal sealed class WebSocketRouterConnection(WebSocket socket, IWampSerializer serializer, string peerAddress, int maxMessageSize)
    : IRouterConnection
{
    private readonly WebSocketMessageType _messageType = serializer.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;

    public IWampSerializer Serializer => serializer;

    public string TransportType => "websocket";

    public string PeerAddress => peerAddress;

    public async ValueTask<bool> ReceiveAsync(ArrayBufferWriter<byte> frame, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(frame.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return false;
                }

                frame.Advance(result.Count);
                if (frame.WrittenCount > maxMessageSize)
                {
                    throw new RouterConnectionException($"A message is larger than the router's limit of {maxMessageSize} bytes.");
                }

                if (result.EndOfMessage)
                {
                    return true;
                }
            }
        }
        catch (WebSocketException)
        {
            return false;
        }
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        socket.SendAsync(frame, _messageType, endOfMessage: true, cancellationToken);

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
