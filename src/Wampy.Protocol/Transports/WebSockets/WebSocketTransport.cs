using System.Net.WebSockets;
using Wampy.Serialization;

namespace Wampy.Transports.WebSockets;

/// <summary>
/// WAMP over WebSocket (<c>ws://</c>, <c>wss://</c>) on <see cref="ClientWebSocket"/>: the serializers are offered
/// as subprotocols in order of preference, and the router's choice decides the serializer.
/// TLS certificates are validated by the system unless <see cref="WebSocketTransportOptions.Configure"/> says otherwise.
/// </summary>
/// <param name="options">Transport settings.</param>
public sealed class WebSocketTransport(WebSocketTransportOptions? options = null) : IWampTransport
{
    private readonly WebSocketTransportOptions _options = options ?? new WebSocketTransportOptions();

    /// <inheritdoc />
    public bool CanConnect(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.Scheme is "ws" or "wss";
    }

    /// <inheritdoc />
    public async ValueTask<IWampConnection> ConnectAsync(
        Uri uri, IReadOnlyList<IWampSerializer> serializers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(serializers);
        if (serializers.Count == 0)
        {
            throw new ArgumentException("At least one serializer must be offered.", nameof(serializers));
        }

        var socket = new ClientWebSocket();
        try
        {
            foreach (var serializer in serializers)
            {
                socket.Options.AddSubProtocol(serializer.Subprotocol);
            }

            socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
            if (_options.KeepAliveInterval > TimeSpan.Zero)
            {
                socket.Options.KeepAliveTimeout = _options.KeepAliveTimeout;
            }

            _options.Configure?.Invoke(socket.Options);
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);

            foreach (var serializer in serializers)
            {
                if (string.Equals(serializer.Subprotocol, socket.SubProtocol, StringComparison.Ordinal))
                {
                    return new WebSocketConnection(socket, serializer, _options.MaxMessageSize);
                }
            }

            var offered = string.Join(", ", serializers.Select(s => s.Subprotocol));
            socket.Abort();
            throw new WampConnectionException(
                $"The router at {uri} accepted none of the WAMP subprotocols offered ({offered}); it answered '{socket.SubProtocol ?? "(none)"}'.");
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
        {
            socket.Dispose();
            var offered = string.Join(", ", serializers.Select(s => s.Subprotocol));
            throw new WampConnectionException(
                $"Could not connect to the WAMP router at {uri} (offering {offered}): {Describe(ex)}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Describe(Exception ex)
    {
        var message = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            message += " " + inner.Message;
        }

        return message;
    }
}
