using System.Buffers.Binary;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Wampy.TestPeers;

/// <summary>
/// A loopback RawSocket endpoint the test drives frame by frame (there is no RawSocket router among the test peers
/// yet): it answers the 4-byte handshake as told, then sends and receives framed messages, PINGs and PONGs.
/// Listens on TCP (optionally TLS) or on a Unix domain socket.
/// </summary>
public sealed class RawSocketTestPeer : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly Socket _listener;
    private readonly X509Certificate2? _certificate;
    private Socket? _connection;
    private Stream? _stream;

    private RawSocketTestPeer(Socket listener, Uri url, X509Certificate2? certificate)
    {
        _listener = listener;
        Url = url;
        _certificate = certificate;
    }

    /// <summary>The URL a client connects to.</summary>
    public Uri Url { get; }

    /// <summary>Listens on 127.0.0.1 (tcp://, or tls:// with <paramref name="certificate"/>).</summary>
    public static RawSocketTestPeer Start(X509Certificate2? certificate = null)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        return new RawSocketTestPeer(listener, new Uri($"{(certificate is null ? "tcp" : "tls")}://127.0.0.1:{port}"), certificate);
    }

    /// <summary>Listens on a Unix domain socket at <paramref name="path"/>.</summary>
    public static RawSocketTestPeer StartUnix(string path)
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        return new RawSocketTestPeer(listener, new Uri("unix://" + path), null);
    }

    /// <summary>Accepts the next connection, reads the client's handshake and sends <paramref name="reply"/>'s answer to it.</summary>
    /// <returns>The client's four handshake octets.</returns>
    public async Task<byte[]> AcceptAsync(Func<byte[], byte[]> reply)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        _connection = await _listener.AcceptAsync(timeout.Token);
        Stream stream = new NetworkStream(_connection, ownsSocket: true);
        if (_certificate is not null)
        {
            var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, timeout.Token);
            stream = tls;
        }

        _stream = stream;
        var handshake = new byte[4];
        await stream.ReadExactlyAsync(handshake, timeout.Token);
        await stream.WriteAsync(reply(handshake), timeout.Token);
        return handshake;
    }

    /// <summary>Accepts the handshake as a router would: same serializer, the given maximum length exponent.</summary>
    public Task<byte[]> AcceptAsync(int lengthExponent = 15) =>
        AcceptAsync(handshake => [0x7F, (byte)((lengthExponent << 4) | (handshake[1] & 0x0F)), 0, 0]);

    /// <summary>Reads the next frame the client sent.</summary>
    public async Task<(byte Type, byte[] Payload)> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var header = new byte[4];
        await _stream!.ReadExactlyAsync(header, timeout.Token);
        var length = BinaryPrimitives.ReadInt32BigEndian(header) & 0xFFFFFF;
        var payload = new byte[length];
        await _stream.ReadExactlyAsync(payload, timeout.Token);
        return ((byte)(header[0] & 0x07), payload);
    }

    /// <summary>Reads frames until a regular (WAMP message) frame, answering nothing; returns its payload.</summary>
    public async Task<byte[]> ReceiveMessageAsync()
    {
        while (true)
        {
            var (type, payload) = await ReceiveAsync();
            if (type == 0)
            {
                return payload;
            }
        }
    }

    /// <summary>Sends a frame: type 0 message, 1 PING, 2 PONG.</summary>
    public async Task SendAsync(byte type, byte[] payload)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, payload.Length);
        header[0] = type;
        await _stream!.WriteAsync(header);
        await _stream.WriteAsync(payload);
        await _stream.FlushAsync();
    }

    /// <summary>Sends raw bytes (a malformed header, a frame with a wrong length).</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream!.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        _listener.Dispose();
        if (_listener.AddressFamily == AddressFamily.Unix && File.Exists(Url.AbsolutePath))
        {
            File.Delete(Url.AbsolutePath);
        }
    }
}
