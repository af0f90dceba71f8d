using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Json;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>
/// A bare WebSocket peer that sends exactly the frames a test writes and hands back every frame the router sends:
/// for protocol-hygiene tests and for checking message-level behaviour no client library exposes.
/// </summary>
public sealed class RawWampClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly IWampSerializer _serializer;

    private RawWampClient(ClientWebSocket socket, IWampSerializer serializer)
    {
        _socket = socket;
        _serializer = serializer;
    }

    public long SessionId { get; private set; }

    public WebSocketState State => _socket.State;

    public static async Task<RawWampClient> ConnectAsync(Uri url, IWampSerializer? serializer = null)
    {
        serializer ??= JsonWampSerializer.Default;
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(serializer.Subprotocol);
        await socket.ConnectAsync(url, CancellationToken.None).WaitAsync(TaskTimeouts.Default);
        return new RawWampClient(socket, serializer);
    }

    /// <summary>
    /// Connects and joins <paramref name="realm"/>, announcing the callee features call_canceling and
    /// progressive_call_results as asked, and no revocation feature.
    /// </summary>
    public static async Task<RawWampClient> JoinAsync(Uri url, string realm = "realm1", bool calleeCancels = true, bool progressiveResults = true)
    {
        var client = await ConnectAsync(url);
        var features = new Dictionary<string, object?> { ["call_canceling"] = calleeCancels, ["progressive_call_results"] = progressiveResults };
        var roles = new Dictionary<string, object?>
        {
            ["caller"] = new Dictionary<string, object?> { ["features"] = features },
            ["callee"] = new Dictionary<string, object?> { ["features"] = features },
            ["publisher"] = new Dictionary<string, object?>(),
            ["subscriber"] = new Dictionary<string, object?>(),
        };
        await client.SendAsync(new HelloMessage(realm, new Dictionary<string, object?> { ["roles"] = roles }));
        var welcome = Assert.IsType<WelcomeMessage>(await client.ReceiveAsync());
        client.SessionId = welcome.SessionId;
        return client;
    }

    public Task SendAsync(WampMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        _serializer.Serialize(message, buffer);
        return SendRawAsync(buffer.WrittenMemory, _serializer.IsBinary);
    }

    public Task SendTextAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text), binary: false);

    public async Task SendRawAsync(ReadOnlyMemory<byte> frame, bool binary) =>
        await _socket.SendAsync(frame, binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message from the router, or <see langword="null"/> when it closed the connection.</summary>
    public async Task<WampMessage?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TaskTimeouts.Default);
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer.GetMemory(4096), timeout.Token);
            }
            catch (WebSocketException)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return _serializer.Deserialize(buffer.WrittenMemory);
            }
        }
    }

    /// <summary>Receives until a message of type <typeparamref name="T"/> arrives, returning it and what came before.</summary>
    public async Task<(T Message, List<WampMessage> Before)> ReceiveUntilAsync<T>()
        where T : WampMessage
    {
        var before = new List<WampMessage>();
        while (true)
        {
            var message = await ReceiveAsync() ?? throw new InvalidOperationException($"The router closed the connection before a {typeof(T).Name}; got {string.Join(", ", before)}.");
            if (message is T wanted)
            {
                return (wanted, before);
            }

            before.Add(message);
        }
    }

    public async Task<long> RegisterAsync(long requestId, string procedure, IReadOnlyDictionary<string, object?>? options = null)
    {
        await SendAsync(new RegisterMessage(requestId, options ?? WampDictionary.Empty, procedure));
        return (await ReceiveUntilAsync<RegisteredMessage>()).Message.RegistrationId;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
    }
}
