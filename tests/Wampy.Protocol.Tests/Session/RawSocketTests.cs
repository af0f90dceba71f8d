using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Cbor;
using Wampy.Serialization.Json;
using Wampy.Serialization.MessagePack;
using Wampy.TestPeers;
using Wampy.Transports.RawSocket;

namespace Wampy.Tests.Session;

/// <summary>The RawSocket transport against a loopback RawSocket peer: handshake, framing, PING/PONG, limits, TCP, TLS, Unix sockets.</summary>
public class RawSocketTests
{
    private static readonly JsonObject KnownAnswers = JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestVectors", "auth-known-answers.json")))!["rawsocket_handshake_octet2"]!.AsObject();

    public static TheoryData<string> Formats() => ["json", "msgpack", "cbor"];


    private static WampClient Client(Uri url, Action<WampClientOptions>? configure = null)
    {
        var options = new WampClientOptions { Url = url, Realm = "realm1", CloseTimeout = TimeSpan.FromSeconds(2) };
        options.Reconnect.Enabled = false; // These tests watch one session end.
        configure?.Invoke(options);
        return new WampClient(options);
    }


    private static async Task JoinAsync(RawSocketTestPeer peer, IWampSerializer serializer, Task connect)
    {
        Assert.IsType<HelloMessage>(serializer.Deserialize(await peer.ReceiveMessageAsync()));
        await peer.SendAsync(0, serializer.Encode(new WelcomeMessage(77, WampDictionary.Empty)));
        await connect.Within();
    }

    [Fact]
    public void Handshake_octets_match_the_known_answers()
    {
        foreach (var (format, sizes) in KnownAnswers)
        {
            if (sizes is not JsonObject table || format is "ubjson" or "flatbuffers")
            {
                continue;
            }

            var id = RawSocketProtocol.SerializerId("wamp.2." + format);
            Assert.Equal(table["512B"]!.GetValue<string>(), Convert.ToHexString(RawSocketProtocol.Handshake(id, 512)[1..2]));
            Assert.Equal(table["32KiB"]!.GetValue<string>(), Convert.ToHexString(RawSocketProtocol.Handshake(id, 32 * 1024)[1..2]));
            Assert.Equal(table["16MiB"]!.GetValue<string>(), Convert.ToHexString(RawSocketProtocol.Handshake(id, 16 * 1024 * 1024)[1..2]));
        }

        Assert.Equal("7FF10000", Convert.ToHexString(RawSocketProtocol.Handshake(1, 16 * 1024 * 1024)));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_whole_session_runs_over_tcp_in_each_serializer(string format)
    {
        var serializer = WireFormats.For(format);
        await using var peer = RawSocketTestPeer.Start();
        await using var client = Client(peer.Url, o =>
        {
            o.Serializers = [format];
        });

        var connect = client.ConnectAsync();
        var handshake = await peer.AcceptAsync();
        Assert.Equal(0x7F, handshake[0]);
        Assert.Equal(RawSocketProtocol.SerializerId(serializer.Subprotocol), handshake[1] & 0x0F);
        await JoinAsync(peer, serializer, connect);

        var bytes = new byte[] { 0, 1, 2, 255 };
        var call = client.CallAsync("test.raw", [bytes, "100éfa"]);
        var sent = (CallMessage)serializer.Deserialize(await peer.ReceiveMessageAsync());
        Assert.Equal("test.raw", sent.Procedure);
        await peer.SendAsync(0, serializer.Encode(new ResultMessage(sent.RequestId, WampDictionary.Empty, sent.Arguments)));

        var result = await call.Within();
        Assert.Equal(bytes, result.Arguments.Get<byte[]>(0));
        Assert.Equal("100éfa", result.Arguments.Get<string>(1));
    }

    [Fact]
    public async Task An_unsupported_serializer_is_retried_with_the_next_one_on_a_new_connection()
    {
        await using var peer = RawSocketTestPeer.Start();
        await using var client = Client(peer.Url);

        var connect = client.ConnectAsync();
        var first = await peer.AcceptAsync(_ => [0x7F, 0x10, 0, 0]);
        var second = await peer.AcceptAsync();
        await JoinAsync(peer, MessagePackWampSerializer.Default, connect);

        Assert.Equal(1, first[1] & 0x0F);
        Assert.Equal(2, second[1] & 0x0F);
        Assert.Equal(WampClientState.Connected, client.State);
    }

    [Fact]
    public async Task A_router_that_refuses_every_serializer_or_says_no_gives_a_clear_error()
    {
        await using var peer = RawSocketTestPeer.Start();
        await using (var client = Client(peer.Url))
        {
            var connect = client.ConnectAsync();
            for (var i = 0; i < 3; i++)
            {
                await peer.AcceptAsync(_ => [0x7F, 0x10, 0, 0]);
            }

            var ex = await Assert.ThrowsAsync<WampConnectionException>(() => connect.Within());
            Assert.Contains("accepted none of the serializers offered over RawSocket (wamp.2.json, wamp.2.msgpack, wamp.2.cbor)", ex.Message, StringComparison.Ordinal);
        }

        await using var busy = Client(peer.Url);
        var busyConnect = busy.ConnectAsync();
        await peer.AcceptAsync(_ => [0x7F, 0x40, 0, 0]);
        var full = await Assert.ThrowsAsync<WampConnectionException>(() => busyConnect.Within());
        Assert.Contains("maximum connection count reached", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_routers_maximum_length_is_enforced_on_sends_and_ours_on_receives()
    {
        await using var peer = RawSocketTestPeer.Start();
        await using var client = Client(peer.Url, o => o.MaxMessageSize = 1024);
        var closed = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        client.Closed += (_, e) => closed.TrySetResult(e);

        var connect = client.ConnectAsync();
        var handshake = await peer.AcceptAsync(lengthExponent: 1);
        Assert.Equal(1, handshake[1] >> 4);
        await JoinAsync(peer, JsonWampSerializer.Default, connect);

        var tooBig = await Assert.ThrowsAnyAsync<Exception>(() => client.CallAsync("test.big", [new string('x', 1100)]).Within());
        Assert.Contains("maximum RawSocket message length of 1024 bytes", tooBig.ToString(), StringComparison.Ordinal);

        await peer.SendAsync(0, new byte[2000]);
        var args = await closed.Task.Within();
        Assert.Equal(WampErrorUris.ProtocolViolation, args.Reason);
        Assert.Contains("over the announced maximum of 1024 bytes", args.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ping_is_answered_with_a_pong_carrying_the_same_payload()
    {
        await using var peer = RawSocketTestPeer.Start();
        await using var client = Client(peer.Url, o => o.Heartbeat.Interval = TimeSpan.Zero);
        var connect = client.ConnectAsync();
        await peer.AcceptAsync();
        await JoinAsync(peer, JsonWampSerializer.Default, connect);

        var payload = RandomNumberGenerator.GetBytes(16);
        await peer.SendAsync(1, payload);

        var (type, echoed) = await peer.ReceiveAsync();
        Assert.Equal(2, type);
        Assert.Equal(payload, echoed);
    }

    [Fact]
    public async Task The_client_pings_and_drops_a_router_that_does_not_answer()
    {
        await using var peer = RawSocketTestPeer.Start();
        await using var client = Client(peer.Url, o =>
        {
            o.Heartbeat.UseRawSocketPing = true;
            o.Heartbeat.Interval = TimeSpan.FromMilliseconds(300);
            o.Heartbeat.Timeout = TimeSpan.FromMilliseconds(300);
        });
        var closed = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        client.Closed += (_, e) => closed.TrySetResult(e);
        var connect = client.ConnectAsync();
        await peer.AcceptAsync();
        await JoinAsync(peer, JsonWampSerializer.Default, connect);

        var (type, _) = await peer.ReceiveAsync();
        Assert.Equal(1, type);

        var args = await closed.Task.Within();
        Assert.False(args.ClosedByClient);
        Assert.Equal("wampy.close.connection_lost", args.Reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_unix_domain_socket_works(bool dedicatedReceiveThread)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wampy-{Guid.NewGuid():N}.sock");
        await using var peer = RawSocketTestPeer.StartUnix(path);
        await using var client = Client(peer.Url, o => o.DedicatedReceiveThread = dedicatedReceiveThread);
        var connect = client.ConnectAsync();
        await peer.AcceptAsync();
        await JoinAsync(peer, JsonWampSerializer.Default, connect);
        Assert.Equal(77, client.SessionId);

        var call = client.CallAsync<string>("test.unix");
        var sent = JsonNode.Parse(await peer.ReceiveMessageAsync())!.AsArray();
        await peer.SendAsync(0, Encoding.UTF8.GetBytes($"[50,{sent[1]},{{}},[\"over a unix socket\"]]"));
        Assert.Equal("over a unix socket", await call.Within());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tls_validates_the_certificate_and_accepts_a_pinned_one(bool dedicatedReceiveThread)
    {
        using var certificates = new TestCertificates();
        var (certificate, _, _) = certificates.CreateServer();
        using var serverCertificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
        await using var peer = RawSocketTestPeer.Start(serverCertificate);

        await using (var untrusting = Client(peer.Url))
        {
            var refused = untrusting.ConnectAsync();
            var accept = peer.AcceptAsync();
            var ex = await Assert.ThrowsAsync<WampConnectionException>(() => refused.Within());
            Assert.StartsWith("The TLS certificate of 127.0.0.1 was refused: it is not trusted", ex.Message, StringComparison.Ordinal);
            await Assert.ThrowsAnyAsync<Exception>(() => accept);
        }

        await using var client = Client(peer.Url, o =>
        {
            o.Tls.PinnedCertificateSha256.Add(certificate.GetCertHashString(HashAlgorithmName.SHA256));
            o.DedicatedReceiveThread = dedicatedReceiveThread;
        });
        var connect = client.ConnectAsync();
        await peer.AcceptAsync();
        await JoinAsync(peer, JsonWampSerializer.Default, connect);
        Assert.Equal(WampClientState.Connected, client.State);
        certificate.Dispose();
    }
}
