using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Wampy.Router.Diagnostics;
using Wampy.Router.Realms;
using Wampy.Transports.RawSocket;

namespace Wampy.Router.Transports;

/// <summary>The RawSocket endpoint on Kestrel: the 4-byte handshake, then a session per connection.</summary>
internal sealed class RawSocketConnectionHandler(RouterCore core) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var peer = connection.RemoteEndPoint?.ToString() ?? "unknown";
        using var timeout = new CancellationTokenSource(core.Options.HandshakeTimeout, core.TimeProvider);
        byte[] handshake;
        try
        {
            var read = await connection.Transport.Input.ReadAtLeastAsync(4, timeout.Token).ConfigureAwait(false);
            if (read.Buffer.Length < 4)
            {
                return;
            }

            handshake = read.Buffer.Slice(0, 4).ToArray();
            connection.Transport.Input.AdvanceTo(read.Buffer.GetPosition(4));
        }
        catch (OperationCanceledException)
        {
            Log.RawSocketRefused(core.Logger, peer, "no handshake in time");
            return;
        }

        if (handshake[0] != RawSocketProtocol.Magic)
        {
            // Not a WAMP RawSocket client: the spec says to drop the connection without an answer.
            Log.RawSocketRefused(core.Logger, peer, $"magic octet 0x{handshake[0]:X2}");
            return;
        }

        var serializerId = handshake[1] & 0x0F;
        var serializer = core.Serializers.FirstOrDefault(s => RawSocketProtocol.SerializerId(s.Subprotocol) == serializerId);
        var error = handshake[2] != 0 || handshake[3] != 0 ? 3 : serializer is null ? 1 : core.IsStopping ? 4 : 0;
        if (error != 0)
        {
            Log.RawSocketRefused(core.Logger, peer, RawSocketProtocol.DescribeError(error));
            await connection.Transport.Output.WriteAsync(new byte[] { RawSocketProtocol.Magic, (byte)(error << 4), 0, 0 }).ConfigureAwait(false);
            return;
        }

        await connection.Transport.Output
            .WriteAsync(RawSocketProtocol.Handshake((byte)serializerId, core.Options.MaxMessageSize))
            .ConfigureAwait(false);
        var clientMaximum = 1 << (9 + (handshake[1] >> 4)); // what the client announced it can receive
        await core.RunSessionAsync(new RawSocketRouterConnection(connection, serializer!, core.Options.MaxMessageSize, clientMaximum)).ConfigureAwait(false);
    }
}
