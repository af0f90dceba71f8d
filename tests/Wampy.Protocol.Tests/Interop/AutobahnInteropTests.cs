using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Tests.Interop;

/// <summary>One fox-wamp router and one Autobahn|JS client per test class: the third-party peers across from Wampy.</summary>
public sealed class AutobahnFixture : IAsyncLifetime
{
    public FoxRouter Router { get; } = new();

    public AutobahnPeer Peer { get; private set; } = null!;

    public WampClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Router.InitializeAsync();
        Peer = await AutobahnPeer.StartAsync(Router.Url, Router.Realm);
        Client = await Router.ConnectAsync();
        await Peer.RegisterAsync("js.echo", "echo");
        await Peer.RegisterAsync("js.binary", "binary");
        await Peer.RegisterAsync("js.fail", "error", "com.example.error.js_failure", new JsonArray("js says no"), new JsonObject { ["code"] = 7 });
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Peer.DisposeAsync();
        await Router.DisposeAsync();
    }
}

/// <summary>Wampy and Autobahn|JS calling, registering, publishing and subscribing across fox-wamp.</summary>
public class AutobahnInteropTests(AutobahnFixture fixture) : IClassFixture<AutobahnFixture>
{
    private static readonly string LongText = string.Concat(Enumerable.Repeat("0123456789", 100));

    private WampClient Client => fixture.Client;

    private AutobahnPeer Peer => fixture.Peer;

    public sealed record BinaryReply(int Length, byte[] Reversed);

    public sealed record Nested(string Name, int[] Values, Dictionary<string, Nested>? Children);

    [Fact]
    public async Task Our_call_reaches_an_autobahn_callee_with_args_kwargs_unicode_long_text_and_nested_objects()
    {
        var nested = new Nested("root", [1, 2, 3], new() { ["leaf"] = new Nested("leaf", [], null) });

        var result = await Client.CallAsync(
            "js.echo",
            ["100éfa", LongText, 42, -7.5, true, null, nested],
            new Dictionary<string, object?> { ["unicode"] = "日本語 ✓", ["nested"] = nested }).Within();

        Assert.Equal("100éfa", result.Arguments.Get<string>(0));
        Assert.Equal(1000, result.Arguments.Get<string>(1).Length);
        Assert.Equal(LongText, result.Arguments.Get<string>(1));
        Assert.Equal(42, result.Arguments.Get<int>(2));
        Assert.Equal(-7.5, result.Arguments.Get<double>(3));
        Assert.True(result.Arguments.Get<bool>(4));
        Assert.Null(result.Arguments.Get<string?>(5));
        var echoed = result.Arguments.Get<Nested>(6);
        Assert.Equal("root", echoed.Name);
        Assert.Equal([1, 2, 3], echoed.Values);
        Assert.Equal("leaf", echoed.Children!["leaf"].Name);
        Assert.Equal("日本語 ✓", result.ArgumentsKw.Get<string>("unicode"));
        Assert.Equal([1, 2, 3], result.ArgumentsKw.Get<Nested>("nested").Values);
    }

    [Fact]
    public async Task A_one_mebibyte_payload_crosses_both_ways()
    {
        var big = new string('w', 1024 * 1024);
        var result = await Client.CallAsync<string>("js.echo", [big]).Within();
        Assert.Equal(big.Length, result.Length);
        Assert.Equal(big, result);
    }

    [Fact]
    public async Task Byte_arrays_cross_as_wamp_json_binary()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var result = await Client.CallAsync("js.binary", [bytes, Array.Empty<byte>()]).Within();

        var first = result.Arguments.Get<JsonElement>(0);
        Assert.Equal(256, first.GetProperty("length").GetInt32());
        Assert.Equal(bytes.Reverse().ToArray(), result.Arguments.Get<BinaryReply>(0).Reversed);
        Assert.Equal(0, result.Arguments.Get<JsonElement>(1).GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task An_autobahn_callee_error_reaches_our_caller_as_fox_wamp_delivers_it()
    {
        // fox-wamp turns a callee's error into wamp.error.callee_failure carrying the original URI as args[0].
        var ex = await Assert.ThrowsAsync<WampException>(() => Client.CallAsync("js.fail", [1]).Within());
        Assert.Equal("wamp.error.callee_failure", ex.Error);
        Assert.Equal("com.example.error.js_failure", ex.Arguments!.Get<string>(0));
        Assert.Contains("js.fail", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_autobahn_caller_calls_our_procedure_with_every_kind_of_value()
    {
        await using var registration = await Client.RegisterAsync("dotnet.describe", (inv, _) =>
        {
            var text = inv.Arguments.Get<string>(0);
            var nested = inv.ArgumentsKw.Get<Nested>("nested");
            var bytes = inv.Arguments.Get<byte[]>(1);
            return ValueTask.FromResult(new WampResult(
                Wampy.Payload.WampArguments.From(text.Length, text, bytes.Length, bytes),
                Wampy.Payload.WampKeywordArguments.From(new { nested.Name, sum = nested.Values.Sum() })));
        });

        var reply = await Peer.CallAsync(
            "dotnet.describe",
            new JsonArray("100éfa" + LongText, "\u0000AAEC/w=="),
            new JsonObject { ["nested"] = new JsonObject { ["name"] = "n", ["values"] = new JsonArray(1, 2, 3) } });

        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        var args = reply["args"]!.AsArray();
        Assert.Equal(1006, args[0]!.GetValue<int>());
        Assert.Equal("100éfa" + LongText, args[1]!.GetValue<string>());
        Assert.Equal(4, args[2]!.GetValue<int>());
        Assert.Equal("\u0000AAEC/w==", args[3]!.GetValue<string>());
        Assert.Equal("n", reply["kwargs"]!["name"]!.GetValue<string>());
        Assert.Equal(6, reply["kwargs"]!["sum"]!.GetValue<int>());
    }

    [Fact]
    public async Task Our_handler_errors_reach_an_autobahn_caller()
    {
        await using var registration = await Client.RegisterAsync("dotnet.fail", (inv, _) =>
            throw new WampException("com.example.error.dotnet_failure", "dotnet says no"));

        var reply = await Peer.CallAsync("dotnet.fail", new JsonArray(1));

        Assert.False(reply["ok"]!.GetValue<bool>());
        Assert.Equal("wamp.error.callee_failure", reply["error"]!.GetValue<string>());
        Assert.Equal("com.example.error.dotnet_failure", reply["args"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Our_publications_reach_an_autobahn_subscriber()
    {
        var topic = $"interop.to_js.{Guid.NewGuid():N}";
        await Peer.SubscribeAsync(topic);

        await Client.PublishAsync(topic, ["100éfa", 3], new { flag = true }, new PublishOptions { Acknowledge = true }).Within();

        var ev = await Peer.NextEventAsync();
        Assert.Equal(topic, ev["event"]!.GetValue<string>());
        Assert.Equal("100éfa", ev["args"]![0]!.GetValue<string>());
        Assert.Equal(3, ev["args"]![1]!.GetValue<int>());
        Assert.True(ev["kwargs"]!["flag"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Autobahn_publications_reach_our_subscriber()
    {
        var topic = $"interop.from_js.{Guid.NewGuid():N}";
        var events = new BlockingCollection<WampEvent>();
        await using var subscription = await Client.SubscribeAsync(topic, (e, _) => { events.Add(e); return ValueTask.CompletedTask; });

        await Peer.PublishAsync(topic, new JsonArray("from js", LongText), new JsonObject { ["n"] = 12345678901234 });

        Assert.True(events.TryTake(out var ev, TaskTimeouts.Default));
        Assert.Equal("from js", ev!.Arguments.Get<string>(0));
        Assert.Equal(LongText, ev.Arguments.Get<string>(1));
        Assert.Equal(12345678901234L, ev.ArgumentsKw.Get<long>("n"));
        Assert.Equal(topic, ev.Topic);
    }
}
