using System.Net.Sockets;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>
/// A client that breaks the protocol is aborted with a reason, alone: a bystander session keeps working and the
/// router keeps serving. Frames are written byte for byte by a bare WebSocket or TCP peer.
/// </summary>
public sealed class ProtocolHygieneTests(RouterFixture router) : IClassFixture<RouterFixture>
{
    public static TheoryData<string, string> EstablishedViolations => new()
    {
        { "not json", "{{{" },
        { "not an array", """{"a":1}""" },
        { "unknown message type", "[999,1,{}]" },
        { "WELCOME from a client", "[2,1,{}]" },
        { "INVOCATION from a client", "[68,1,1,{}]" },
        { "CALL with a string request id", """[48,"x",{},"com.x"]""" },
        { "CALL without a procedure", "[48,1,{}]" },
        { "a second HELLO", """[1,"realm1",{"roles":{}}]""" },
        { "an option of the wrong type", """[48,5,{"receive_progress":"yes"},"com.x"]""" },
        { "a request id past 2^53", "[48,9007199254740993,{},\"com.x\"]" },
    };

    [Theory]
    [MemberData(nameof(EstablishedViolations))]
    public async Task A_violation_aborts_that_session_only(string what, string frame)
    {
        await using var bystander = await router.ClientAsync();
        await using var offender = await RawWampClient.JoinAsync(router.Url);

        await offender.SendTextAsync(frame);
        var (abort, _) = await offender.ReceiveUntilAsync<AbortMessage>();

        Assert.Equal("wamp.error.protocol_violation", abort.Reason);
        Assert.False(string.IsNullOrEmpty(abort.Details.GetString("message")), what);
        Assert.Null(await offender.ReceiveAsync());
        Assert.True(await bystander.CallAsync<long>("wamp.session.count") >= 1);
    }

    [Theory]
    [InlineData("[48,1,{},\"com.x\"]")]
    [InlineData("[2,1,{}]")]
    [InlineData("garbage")]
    public async Task The_first_message_must_be_hello(string frame)
    {
        await using var offender = await RawWampClient.ConnectAsync(router.Url);

        await offender.SendTextAsync(frame);

        var abort = Assert.IsType<AbortMessage>(await offender.ReceiveAsync());
        Assert.Equal("wamp.error.protocol_violation", abort.Reason);
    }

    [Fact]
    public async Task A_reused_request_id_of_a_pending_call_is_a_violation()
    {
        await using var callee = await RawWampClient.JoinAsync(router.Url);
        await callee.RegisterAsync(1, "com.hygiene.pending");
        await using var caller = await RawWampClient.JoinAsync(router.Url);

        await caller.SendAsync(new CallMessage(9, WampDictionary.Empty, "com.hygiene.pending"));
        await callee.ReceiveUntilAsync<InvocationMessage>();
        await caller.SendAsync(new CallMessage(9, WampDictionary.Empty, "com.hygiene.pending"));

        Assert.Equal("wamp.error.protocol_violation", (await caller.ReceiveUntilAsync<AbortMessage>()).Message.Reason);
    }

    [Fact]
    public async Task A_yield_for_an_invocation_never_sent_is_a_violation()
    {
        await using var callee = await RawWampClient.JoinAsync(router.Url);

        await callee.SendAsync(new YieldMessage(12345, WampDictionary.Empty));

        Assert.Equal("wamp.error.protocol_violation", (await callee.ReceiveUntilAsync<AbortMessage>()).Message.Reason);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_ends_the_session()
    {
        await using var client = await RawWampClient.JoinAsync(router.Url);

        await client.SendTextAsync($"[16,1,{{}},\"com.big\",[\"{new string('x', 1024 * 1024 + 10)}\"]]");

        Assert.Equal("wamp.error.protocol_violation", (await client.ReceiveUntilAsync<AbortMessage>()).Message.Reason);
    }

    [Fact]
    public async Task A_websocket_without_a_wamp_subprotocol_is_refused()
    {
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.AddSubProtocol("mqtt");

        await Assert.ThrowsAnyAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(router.Url, CancellationToken.None));
    }

    [Fact]
    public async Task RawSocket_with_an_unsupported_serializer_is_refused_with_error_1()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(router.RawSocketUrl.Host, router.RawSocketUrl.Port);
        var stream = tcp.GetStream();

        await stream.WriteAsync(new byte[] { 0x7F, 0xF4, 0, 0 }); // serializer 4: UBJSON
        var reply = new byte[4];
        await stream.ReadExactlyAsync(reply).AsTask().Within();

        Assert.Equal(new byte[] { 0x7F, 0x10, 0, 0 }, reply);
    }

    [Fact]
    public async Task RawSocket_with_a_bad_magic_octet_is_dropped_and_the_router_keeps_serving()
    {
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(router.RawSocketUrl.Host, router.RawSocketUrl.Port);
            await tcp.GetStream().WriteAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray());
            Assert.Equal(0, await tcp.GetStream().ReadAsync(new byte[16]).AsTask().Within());
        }

        await using var client = await router.ClientAsync("cbor", rawSocket: true);
        Assert.True(await client.CallAsync<long>("wamp.session.count") >= 1);
    }

    [Fact]
    public async Task Five_hundred_random_frames_never_take_the_router_down()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 500; i++)
        {
            await using var offender = await RawWampClient.JoinAsync(router.Url);
            var frame = new byte[random.Next(1, 64)];
            random.NextBytes(frame);
            frame[0] = (byte)'[';
            await offender.SendRawAsync(frame, binary: false);
            var reply = await offender.ReceiveAsync();
            Assert.True(reply is null or AbortMessage, $"frame {i}: {reply}");
        }

        await using var client = await router.ClientAsync();
        Assert.True(await client.CallAsync<long>("wamp.session.count") >= 1);
    }
}
