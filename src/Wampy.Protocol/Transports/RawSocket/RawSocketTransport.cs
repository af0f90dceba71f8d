using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Wampy.Serialization;
using Wampy.Transports.WebSockets;

namespace Wampy.Transports.RawSocket;

/// <summary>
/// WAMP over RawSocket: <c>tcp://host:port</c>, <c>tls://host:port</c> (certificates validated by default) and
/// <c>unix:///path</c>. The handshake offers one serializer per connection: when the router answers "serializer
/// unsupported", the next serializer of the preference list is tried on a new connection.
/// </summary>
/// <param name="options">Transport settings.</param>
public sealed class RawSocketTransport(RawSocketTransportOptions? options = null) : IWampTransport
{
    private readonly RawSocketTransportOptions _options = options ?? new RawSocketTransportOptions();

    /// <inheritdoc />
    public bool CanConnect(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.Scheme is "tcp" or "tls" or "unix";
    }

    /// <inheritdoc />
    public async ValueTask<IWampConnection> ConnectAsync(Uri uri, IReadOnlyList<IWampSerializer> serializers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(serializers);
        var offered = new List<string>();
        foreach (var serializer in serializers)
        {
            var id = RawSocketProtocol.SerializerId(serializer.Subprotocol);
            if (id == 0)
            {
                continue;
            }

            offered.Add(serializer.Subprotocol);
            var stream = await OpenAsync(uri, cancellationToken).ConfigureAwait(false);
            try
            {
                await stream.WriteAsync(RawSocketProtocol.Handshake(id, _options.MaxMessageSize), cancellationToken).ConfigureAwait(false);
                var reply = new byte[4];
                if (await stream.ReadAtLeastAsync(reply, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < 4)
                {
                    throw new WampConnectionException($"The router at {uri} closed the connection during the RawSocket handshake.");
                }

                if (reply[0] != RawSocketProtocol.Magic)
                {
                    throw new WampConnectionException($"The peer at {uri} is not a WAMP RawSocket router (handshake began with 0x{reply[0]:X2}, not 0x7F).");
                }

                var answeredSerializer = reply[1] & 0x0F;
                var lengthOrError = reply[1] >> 4;
                if (answeredSerializer == 0)
                {
                    if (lengthOrError == 1)
                    {
                        await stream.DisposeAsync().ConfigureAwait(false);
                        continue; // serializer unsupported: try the next one
                    }

                    throw new WampConnectionException(
                        $"The router at {uri} refused the RawSocket handshake: {RawSocketProtocol.DescribeError(lengthOrError)}.");
                }

                if (answeredSerializer != id)
                {
                    throw new WampConnectionException(
                        $"The router at {uri} answered the RawSocket handshake with serializer {answeredSerializer}; {id} ({serializer.Subprotocol}) was offered.");
                }

                var maxReceive = 1 << (9 + RawSocketProtocol.LengthExponent(_options.MaxMessageSize));
                return new RawSocketConnection(
                    stream, serializer, maxReceive, 1 << (9 + lengthOrError), _options.KeepAliveInterval, _options.KeepAliveTimeout);
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        throw new WampConnectionException(
            $"The router at {uri} accepted none of the serializers offered over RawSocket ({string.Join(", ", offered)}).");
    }

    private async Task<Stream> OpenAsync(Uri uri, CancellationToken cancellationToken)
    {
        Socket? socket = null;
        try
        {
            if (uri.Scheme == "unix")
            {
                socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                return await SocketConnector.ConnectAsync(socket, new UnixDomainSocketEndPoint(uri.AbsolutePath), _options.DedicatedReceiveThread, cancellationToken).ConfigureAwait(false);
            }

            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            if (_options.TcpKeepAliveTime > TimeSpan.Zero)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, Math.Max(1, (int)_options.TcpKeepAliveTime.TotalSeconds));
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, Math.Max(1, (int)_options.TcpKeepAliveInterval.TotalSeconds));
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, Math.Max(1, _options.TcpKeepAliveRetryCount));
            }

            var network = await SocketConnector.ConnectAsync(socket, new DnsEndPoint(uri.Host, uri.Port), _options.DedicatedReceiveThread, cancellationToken).ConfigureAwait(false);
            if (uri.Scheme != "tls")
            {
                return network;
            }

            var validator = new CertificateValidator(_options.Tls);
            var tls = new SslStream(network, leaveInnerStreamOpen: false);
            try
            {
                await tls.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = uri.Host,
                        RemoteCertificateValidationCallback = validator.Validate,
                        ClientCertificates = _options.Tls.ResolveClientCertificates() is { Count: > 0 } certificates ? certificates : null,
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (System.Security.Authentication.AuthenticationException ex)
            {
                await tls.DisposeAsync().ConfigureAwait(false);
                throw new WampConnectionException(
                    $"The TLS certificate of {uri.Host} was refused: {validator.Refusal ?? ex.Message}. Trust its CA (Tls.TrustedRootCertificates) or pin it (Tls.PinnedCertificateSha256).", ex);
            }

            return tls;
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            socket?.Dispose();
            throw new WampConnectionException($"Could not connect to the WAMP router at {uri} (RawSocket): {ex.Message}", ex);
        }
    }
}
