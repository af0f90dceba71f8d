using System.Net.Sockets;
using System.Net.WebSockets;
using Wampy.Serialization;

namespace Wampy.Transports.WebSockets;

/// <summary>
/// WAMP over WebSocket (<c>ws://</c>, <c>wss://</c>) on <see cref="ClientWebSocket"/>: the serializers are offered
/// as subprotocols in order of preference, and the router's choice decides the serializer.
/// TLS certificates are validated by the system unless <see cref="WebSocketTransportOptions.ConfigureHandler"/> says otherwise.
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
        BatchingStream? stream = null;
        var handler = new SocketsHttpHandler
        {
            // The connection's byte stream is ours, so that frames are read ahead and written in batches.
            ConnectCallback = async (context, token) =>
            {
                var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    stream = new BatchingStream(await SocketConnector.ConnectAsync(tcp, context.DnsEndPoint, _options.DedicatedReceiveThread, token).ConfigureAwait(false));
                }
                catch
                {
                    tcp.Dispose();
                    throw;
                }

                return stream;
            },
        };
        var validator = new CertificateValidator(_options.Tls);
        handler.SslOptions.RemoteCertificateValidationCallback = validator.Validate;
        if (_options.Tls.ResolveClientCertificates() is { Count: > 0 } certificates)
        {
            handler.SslOptions.ClientCertificates = certificates;
        }

        _options.ConfigureHandler?.Invoke(handler);
        var invoker = new HttpMessageInvoker(handler, disposeHandler: true);
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
            await socket.ConnectAsync(uri, invoker, cancellationToken).ConfigureAwait(false);

            foreach (var serializer in serializers)
            {
                if (string.Equals(serializer.Subprotocol, socket.SubProtocol, StringComparison.Ordinal))
                {
                    return new WebSocketConnection(socket, serializer, _options.MaxMessageSize, stream, invoker);
                }
            }

            var offered = string.Join(", ", serializers.Select(s => s.Subprotocol));
            socket.Abort();
            throw new WampConnectionException(
                $"The router at {uri} accepted none of the WAMP subprotocols offered ({offered}); it answered '{socket.SubProtocol ?? "(none)"}'.");
        }
        catch (Exception ex) when (validator.Refusal is not null && Contains<System.Security.Authentication.AuthenticationException>(ex))
        {
            socket.Dispose();
            invoker.Dispose();
            throw new WampConnectionException(
                $"The TLS certificate of {uri.Host} was refused: {validator.Refusal}. Trust its CA (Tls.TrustedRootCertificates) or pin it (Tls.PinnedCertificateSha256).", ex);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or SocketException)
        {
            socket.Dispose();
            invoker.Dispose();
            var offered = string.Join(", ", serializers.Select(s => s.Subprotocol));
            throw new WampConnectionException(
                $"Could not connect to the WAMP router at {uri} (offering {offered}): {Describe(ex)}", ex);
        }
        catch
        {
            socket.Dispose();
            invoker.Dispose();
            throw;
        }
    }

    private static bool Contains<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T)
            {
                return true;
            }
        }

        return false;
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
