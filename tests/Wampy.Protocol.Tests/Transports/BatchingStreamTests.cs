using System.Net;
using System.Net.Sockets;
using Wampy.TestPeers;
using Wampy.Transports;

namespace Wampy.Tests.Transports;

/// <summary>
/// The read-ahead under every connection, on a real loopback TCP connection: a read that waits for the socket parks
/// and is resumed by the socket; a second read issued while one is parked (a WebSocket close handshake reads alongside
/// the receive loop) must neither disturb the parked one nor fail.
/// </summary>
public class BatchingStreamTests
{
    private sealed class Observer : IReceiveBurstObserver
    {
        public int Parked;
        public int Resumed;

        public void OnReceiveBurstStarted()
        {
        }

        public void OnReceiveBurstEnded()
        {
        }

        public void OnReceiveParking() => Interlocked.Increment(ref Parked);

        public void OnReceiveResuming() => Interlocked.Increment(ref Resumed);

        public void OnReceiveParked()
        {
        }
    }

    private static async Task<(Socket Server, BatchingStream Stream, Observer Observer)> ConnectAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        var server = await listener.AcceptAsync();
        var observer = new Observer();
        var stream = new BatchingStream(new NetworkStream(client, ownsSocket: true)) { BurstObserver = observer };
        return (server, stream, observer);
    }

    [Fact]
    public async Task A_parked_read_is_resumed_by_the_socket_and_later_reads_come_from_the_read_ahead()
    {
        var (server, stream, observer) = await ConnectAsync();
        using var _ = server;
        await using var __ = stream;
        var buffer = new byte[4];

        var read = stream.ReadAsync(buffer).AsTask();
        Assert.False(read.IsCompleted);
        Assert.Equal(1, observer.Parked);
        await server.SendAsync("abcdefgh"u8.ToArray());

        Assert.Equal(4, await read.Within());
        Assert.Equal("abcd"u8.ToArray(), buffer);
        Assert.Equal(1, observer.Resumed);
        Assert.Equal(4, await stream.ReadAsync(buffer).AsTask().Within());
        Assert.Equal("efgh"u8.ToArray(), buffer);
        Assert.Equal(1, observer.Parked);
    }

    [Fact]
    public async Task A_second_read_while_one_is_parked_goes_to_the_socket_and_both_complete()
    {
        var (server, stream, observer) = await ConnectAsync();
        using var _ = server;
        await using var __ = stream;
        var first = new byte[16];
        var second = new byte[16];

        var parked = stream.ReadAsync(first).AsTask();
        var concurrent = stream.ReadAsync(second).AsTask();
        Assert.Equal(1, observer.Parked);
        await server.SendAsync("one"u8.ToArray());
        await Task.WhenAny(parked, concurrent).Within();
        await server.SendAsync("two"u8.ToArray());
        var counts = await Task.WhenAll(parked, concurrent).Within();

        // Each got one of the two writes, whole, and neither failed.
        var got = new[] { System.Text.Encoding.ASCII.GetString(first, 0, counts[0]), System.Text.Encoding.ASCII.GetString(second, 0, counts[1]) };
        Assert.Equal(["one", "two"], got.Order());

        // Once both are consumed, the stream parks and resumes as before.
        var next = stream.ReadAsync(first).AsTask();
        await server.SendAsync("three"u8.ToArray());
        Assert.Equal(5, await next.Within());
        Assert.Equal(2, observer.Parked);
    }
}
