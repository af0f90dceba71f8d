using System.Net;
using System.Net.Sockets;

namespace Wampy.Transports;

/// <summary>Connects a transport's socket and gives its byte stream: the runtime's socket engine, or a receive thread of its own.</summary>
internal static class SocketConnector
{
    /// <summary>
    /// Connects <paramref name="socket"/> to <paramref name="endpoint"/> and returns the stream that owns it. With
    /// <paramref name="dedicatedReceiveThread"/>, the socket must never be registered with the socket engine (an
    /// asynchronous connect would register it for good), so the connect is synchronous, on the thread pool, and
    /// cancellation closes the socket; the caller disposes the socket when this throws.
    /// </summary>
    public static async Task<Stream> ConnectAsync(Socket socket, EndPoint endpoint, bool dedicatedReceiveThread, CancellationToken cancellationToken)
    {
        if (!dedicatedReceiveThread)
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }

        try
        {
            using (cancellationToken.UnsafeRegister(static s => ((Socket)s!).Dispose(), socket))
            {
                await Task.Run(() => socket.Connect(endpoint), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new DedicatedReceiveStream(socket);
    }
}
