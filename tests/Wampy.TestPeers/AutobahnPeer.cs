using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Wampy.TestPeers;

/// <summary>
/// An Autobahn|JS client (tests/router/peer.js) joined to a router, driven by JSON commands: the real
/// third-party peer on the other side of Wampy's interop tests.
/// </summary>
public sealed class AutobahnPeer : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly NodeProcess _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _replies = new();
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>();
    private readonly Task _reader;
    private int _nextId;

    private AutobahnPeer(NodeProcess process, long sessionId)
    {
        _process = process;
        SessionId = sessionId;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>The peer's WAMP session id.</summary>
    public long SessionId { get; }

    /// <summary>Starts a peer and waits until it has joined.</summary>
    public static async Task<AutobahnPeer> StartAsync(Uri url, string realm)
    {
        var process = NodeProcess.Start("peer.js", url.ToString(), realm);
        try
        {
            var line = await process.WaitForLineAsync(static l => l.Contains("\"ready\"", StringComparison.Ordinal), Timeout);
            var ready = JsonNode.Parse(line)!.AsObject();
            return new AutobahnPeer(process, ready["session"]!.GetValue<long>());
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends a command and returns the peer's answer (ok or not).</summary>
    public async Task<JsonObject> SendAsync(JsonObject command)
    {
        var id = Interlocked.Increment(ref _nextId);
        command["id"] = id;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[id] = reply;
        await _process.WriteLineAsync(command.ToJsonString());
        return await reply.Task.WaitAsync(Timeout);
    }

    /// <summary>Sends a command that must succeed.</summary>
    public async Task<JsonObject> SendOkAsync(JsonObject command)
    {
        var reply = await SendAsync(command);
        Assert.True(reply["ok"]!.GetValue<bool>(), $"The Autobahn|JS peer failed: {reply.ToJsonString()}");
        return reply;
    }

    /// <summary>Registers a procedure on the peer (<c>echo</c>, <c>error</c> or <c>binary</c>).</summary>
    public Task RegisterAsync(string procedure, string kind, string? error = null, JsonArray? errorArgs = null, JsonObject? errorKwargs = null) =>
        SendOkAsync(new JsonObject
        {
            ["op"] = "register",
            ["procedure"] = procedure,
            ["kind"] = kind,
            ["error"] = error,
            ["errorArgs"] = errorArgs,
            ["errorKwargs"] = errorKwargs,
        });

    /// <summary>Calls a procedure from the peer.</summary>
    public Task<JsonObject> CallAsync(string procedure, JsonArray? args = null, JsonObject? kwargs = null) =>
        SendAsync(new JsonObject { ["op"] = "call", ["procedure"] = procedure, ["args"] = args, ["kwargs"] = kwargs });

    /// <summary>Subscribes the peer to a topic; events are read with <see cref="NextEventAsync"/>.</summary>
    public Task SubscribeAsync(string topic) => SendOkAsync(new JsonObject { ["op"] = "subscribe", ["topic"] = topic });

    /// <summary>Publishes from the peer (acknowledged).</summary>
    public Task PublishAsync(string topic, JsonArray? args = null, JsonObject? kwargs = null) =>
        SendOkAsync(new JsonObject { ["op"] = "publish", ["topic"] = topic, ["args"] = args, ["kwargs"] = kwargs });

    /// <summary>The next event the peer received.</summary>
    public async Task<JsonObject> NextEventAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await _events.Reader.ReadAsync(cts.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await _reader.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task ReadAsync()
    {
        try
        {
            while (true)
            {
                var line = await _process.ReadLineAsync(System.Threading.Timeout.InfiniteTimeSpan);
                if (JsonNode.Parse(line) is not JsonObject message)
                {
                    continue;
                }

                if (message.TryGetPropertyValue("id", out var id) && id is not null && _replies.TryRemove(id.GetValue<int>(), out var reply))
                {
                    reply.TrySetResult(message);
                }
                else if (message.ContainsKey("event"))
                {
                    _events.Writer.TryWrite(message);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or TimeoutException)
        {
            foreach (var reply in _replies.Values)
            {
                reply.TrySetException(new InvalidOperationException($"The Autobahn|JS peer ended: {_process.StandardError}", ex));
            }
        }
    }
}
