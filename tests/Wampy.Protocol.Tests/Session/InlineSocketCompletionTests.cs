using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Json;
using Wampy.TestPeers;
using Wampy.Transports;
using Wampy.Transports.RawSocket;

namespace Wampy.Tests.Session;

/// <summary>
/// An application may set <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c> (docs/performance.md): socket reads then
/// complete on the socket engine's own thread, which serves every socket of the process. User code must never run
/// there: a continuation that blocks would stop every connection, its own reply included. The engine's thread is
/// stood in for by a stream whose reads all complete on one thread of its own (the switch is read once per process,
/// so a test cannot turn it on); the router is the scripted RawSocket peer.
/// </summary>
public class InlineSocketCompletionTests
{
    private static readonly IWampSerializer Json = JsonWampSerializer.Default;

    [Fact]
    public async Task A_continuation_that_blocks_on_a_call_of_its_own_does_not_run_on_the_thread_that_completes_socket_reads()
    {
        await using var peer = RawSocketTestPeer.Start();
        var transport = new ReadsOnOneThreadTransport();
        var options = new WampClientOptions
        {
            Url = peer.Url,
            Realm = "realm1",
            Transport = transport,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            CloseTimeout = TimeSpan.FromSeconds(2),
        };
        options.Reconnect.Enabled = false;
        await using var client = new WampClient(options);
        var connect = client.ConnectAsync();
        await peer.AcceptAsync();
        Assert.IsType<HelloMessage>(Json.Deserialize(await peer.ReceiveMessageAsync()));
        await peer.SendAsync(0, Json.Encode(new WelcomeMessage(77, WampDictionary.Empty)));
        await connect.Within();

        var first = client.CallAsync("test.first");
        var firstId = await CallIdAsync(peer, "test.first");

        // Sync over async where the reply settles: the second reply can only be read if this is not the reading thread.
        var continuation = first.ContinueWith(
            _ =>
            {
                var second = client.CallAsync("test.second");
                return (Completed: second.Wait(TaskTimeouts.Default), Thread.CurrentThread.ManagedThreadId);
            },
            TaskContinuationOptions.ExecuteSynchronously);
        await peer.SendAsync(0, Encoding.UTF8.GetBytes($"[50,{firstId},{{}},[1]]"));
        var secondId = await CallIdAsync(peer, "test.second");
        await peer.SendAsync(0, Encoding.UTF8.GetBytes($"[50,{secondId},{{}},[2]]"));

        var (completed, threadId) = await continuation.Within();
        Assert.True(completed, "The second reply was never read: the blocked continuation held the thread that completes socket reads.");
        Assert.NotEqual(transport.ReaderThreadId, threadId);
    }

    private static async Task<long> CallIdAsync(RawSocketTestPeer peer, string procedure)
    {
        var call = JsonNode.Parse(await peer.ReceiveMessageAsync().Within())!.AsArray();
        Assert.Equal(48, call[0]!.GetValue<int>());
        Assert.Equal(procedure, call[3]!.GetValue<string>());
        return call[1]!.GetValue<long>();
    }

    /// <summary>RawSocket over TCP (JSON only), its connection reading through <see cref="ReadsOnOneThreadStream"/>.</summary>
    private sealed class ReadsOnOneThreadTransport : IWampTransport
    {
        /// <summary>The thread that completes the last connection's reads.</summary>
        public int ReaderThreadId { get; private set; }

        public bool CanConnect(Uri uri) => uri.Scheme == "tcp";

        public async ValueTask<IWampConnection> ConnectAsync(Uri uri, IReadOnlyList<IWampSerializer> serializers, CancellationToken cancellationToken = default)
        {
            var serializer = serializers.First(s => s.Subprotocol == Json.Subprotocol);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(uri.Host, uri.Port, cancellationToken);
            var network = new NetworkStream(socket, ownsSocket: true);
            await network.WriteAsync(RawSocketProtocol.Handshake(RawSocketProtocol.SerializerId(serializer.Subprotocol), 1 << 16), cancellationToken);
            var reply = new byte[4];
            await network.ReadExactlyAsync(reply, cancellationToken);
            Assert.Equal(RawSocketProtocol.Magic, reply[0]);
            var stream = new ReadsOnOneThreadStream(network);
            ReaderThreadId = stream.ReaderThreadId;
            return new RawSocketConnection(stream, serializer, 1 << 16, 1 << 16, TimeSpan.Zero, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Every asynchronous read is done, and completed, by one thread of the stream's own that is not a thread-pool
    /// thread; the reader's continuation runs there synchronously, as on the socket engine's thread with inline completions.
    /// </summary>
    private sealed class ReadsOnOneThreadStream : ConnectionStream
    {
        private readonly Stream _inner;
        private readonly BlockingCollection<(Memory<byte> Buffer, TaskCompletionSource<int> Done)> _reads = [];

        public ReadsOnOneThreadStream(Stream inner)
        {
            _inner = inner;
            var thread = new Thread(CompleteReads) { IsBackground = true, Name = "socket completions (test)" };
            ReaderThreadId = thread.ManagedThreadId;
            thread.Start();
        }

        public int ReaderThreadId { get; }

        private void CompleteReads()
        {
            foreach (var (buffer, done) in _reads.GetConsumingEnumerable())
            {
                int count;
                try
                {
                    count = _inner.Read(buffer.Span);
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                    continue;
                }

                done.SetResult(count); // continuations run here, synchronously
            }
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var done = new TaskCompletionSource<int>();
            try
            {
                _reads.Add((buffer, done), CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                return ValueTask.FromException<int>(new ObjectDisposedException(nameof(ReadsOnOneThreadStream)));
            }

            return new ValueTask<int>(done.Task);
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

        public override void Flush() => _inner.Flush();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _reads.CompleteAdding();
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
