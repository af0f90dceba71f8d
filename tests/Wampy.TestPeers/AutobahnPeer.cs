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
    private readonly TaskCompletionSource<JsonObject> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;
    private int _nextId;

    private AutobahnPeer(NodeProcess process, long sessionId, JsonObject welcome)
    {
        _process = process;
        SessionId = sessionId;
        AuthId = welcome["authid"]?.GetValue<string>();
        AuthRole = welcome["authrole"]?.GetValue<string>();
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>The peer's WAMP session id.</summary>
    public long SessionId { get; }

    /// <summary>The authid the router gave the session.</summary>
    public string? AuthId { get; }

    /// <summary>The authrole the router gave the session.</summary>
    public string? AuthRole { get; }

    /// <summary>Starts a peer and waits until it has joined.</summary>
    public static Task<AutobahnPeer> StartAsync(Uri url, string realm) => StartAsync(url, realm, null);

    /// <summary>
    /// Starts an Autobahn|JS client with connection settings (see peer.js): serializer, rawsocket, authentication.
    /// Throws <see cref="AutobahnPeerClosedException"/> when the router refuses the session.
    /// </summary>
    public static async Task<AutobahnPeer> StartAsync(Uri url, string realm, JsonObject? settings)
    {
        var process = settings is null
            ? NodeProcess.Start("peer.js", url.ToString(), realm)
            : NodeProcess.Start("peer.js", url.ToString(), realm, settings.ToJsonString());
        try
        {
            var line = await process.WaitForLineAsync(
                static l => l.Contains("\"ready\"", StringComparison.Ordinal) || l.Contains("\"closed\"", StringComparison.Ordinal), Timeout);
            var first = JsonNode.Parse(line)!.AsObject();
            if (first.ContainsKey("closed"))
            {
                throw new AutobahnPeerClosedException(
                    first["closed"]?.GetValue<string>() ?? "", first["details"]?.GetValue<string>(), first["message"]?.GetValue<string>());
            }

            return new AutobahnPeer(process, first["session"]!.GetValue<long>(), first);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

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

    /// <summary>Calls a procedure from the peer, with CALL options such as receive_progress or timeout.</summary>
    public Task<JsonObject> CallAsync(string procedure, JsonArray? args = null, JsonObject? kwargs = null, JsonObject? options = null) =>
        SendAsync(new JsonObject { ["op"] = "call", ["procedure"] = procedure, ["args"] = args, ["kwargs"] = kwargs, ["options"] = options });

    /// <summary>Calls, then cancels the call after <paramref name="cancelAfter"/> with <paramref name="mode"/>; returns the call's outcome.</summary>
    public Task<JsonObject> CallThenCancelAsync(string procedure, TimeSpan cancelAfter, string mode, JsonArray? args = null) =>
        SendAsync(new JsonObject
        {
            ["op"] = "callcancel", ["procedure"] = procedure, ["args"] = args, ["cancelAfterMs"] = (int)cancelAfter.TotalMilliseconds, ["mode"] = mode,
        });

    /// <summary>Registers a handler of <paramref name="kind"/> (see peer.js) with REGISTER options; returns the registration id.</summary>
    public async Task<long> RegisterAsync(string procedure, string kind, JsonObject? options, JsonObject? extra = null)
    {
        var command = new JsonObject { ["op"] = "register", ["procedure"] = procedure, ["kind"] = kind, ["options"] = options };
        foreach (var (key, value) in extra ?? [])
        {
            command[key] = value?.DeepClone();
        }

        var reply = await SendOkAsync(command);
        return reply["registration"]!.GetValue<long>();
    }

    /// <summary>Registers and returns the router's answer (ok or an error), for registrations the router may refuse.</summary>
    public Task<JsonObject> TryRegisterAsync(string procedure, string kind, JsonObject? options = null) =>
        SendAsync(new JsonObject { ["op"] = "register", ["procedure"] = procedure, ["kind"] = kind, ["options"] = options });

    /// <summary>Subscribes the peer to a topic with SUBSCRIBE options; events are read with <see cref="NextEventAsync"/>.</summary>
    public async Task<long> SubscribeAsync(string topic, JsonObject? options = null)
    {
        var reply = await SendOkAsync(new JsonObject { ["op"] = "subscribe", ["topic"] = topic, ["options"] = options });
        return reply["subscription"]!.GetValue<long>();
    }

    /// <summary>Subscribes and returns the router's answer (ok or an error).</summary>
    public Task<JsonObject> TrySubscribeAsync(string topic, JsonObject? options = null) =>
        SendAsync(new JsonObject { ["op"] = "subscribe", ["topic"] = topic, ["options"] = options });

    /// <summary>Unsubscribes the peer's subscription to <paramref name="topic"/>.</summary>
    public Task UnsubscribeAsync(string topic) => SendOkAsync(new JsonObject { ["op"] = "unsubscribe", ["topic"] = topic });

    /// <summary>Unregisters the peer's registration of <paramref name="procedure"/>.</summary>
    public Task UnregisterAsync(string procedure) => SendOkAsync(new JsonObject { ["op"] = "unregister", ["procedure"] = procedure });

    /// <summary>Publishes from the peer (acknowledged), with PUBLISH options.</summary>
    public Task PublishAsync(string topic, JsonArray? args = null, JsonObject? kwargs = null, JsonObject? options = null) =>
        SendOkAsync(new JsonObject { ["op"] = "publish", ["topic"] = topic, ["args"] = args, ["kwargs"] = kwargs, ["options"] = options });

    /// <summary>Publishes (acknowledged) and returns the router's answer (ok or an error).</summary>
    public Task<JsonObject> TryPublishAsync(string topic, JsonArray? args = null, JsonObject? options = null) =>
        SendAsync(new JsonObject { ["op"] = "publish", ["topic"] = topic, ["args"] = args, ["options"] = options });

    /// <summary>The next event the peer received.</summary>
    public async Task<JsonObject> NextEventAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await _events.Reader.ReadAsync(cts.Token);
    }

    /// <summary>
    /// Waits until the session ends and returns how: <c>closed</c> (Autobahn|JS's reason) and <c>details</c> (the
    /// WAMP reason URI of the router's GOODBYE or ABORT).
    /// </summary>
    public Task<JsonObject> WaitClosedAsync() => _closed.Task.WaitAsync(Timeout);

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
                else if (message.ContainsKey("closed"))
                {
                    _closed.TrySetResult(message);
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
