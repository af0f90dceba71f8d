using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>
/// Frames that arrive together (one write of the scripted router) are handled together: replies and events run off
/// the receive loop, partly on the thread the socket resumed it on, and what they send is batched. None of that may
/// let user code that blocks hold up the receive loop, another reply, another subscription or a frame already sent.
/// </summary>
public class ReceiveBurstTests
{
    private static async Task<WampClient> JoinedAsync(ScriptedEndpoint endpoint, Action<WampClientOptions>? configure = null)
    {
        var options = new WampClientOptions { Url = endpoint.Url, Realm = "realm1", ConnectTimeout = TimeSpan.FromSeconds(10), CloseTimeout = TimeSpan.FromSeconds(2) };
        options.Reconnect.Enabled = false;
        configure?.Invoke(options);
        var client = new WampClient(options);
        var connect = client.ConnectAsync();
        await endpoint.AcceptAsync();
        await connect.Within();
        return client;
    }

    /// <summary>The next <paramref name="count"/> items, each awaited with the default timeout.</summary>
    private static List<T> Take<T>(BlockingCollection<T> items, int count)
    {
        var taken = new List<T>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(items.TryTake(out var item, TaskTimeouts.Default), $"Only {i} of {count} arrived.");
            taken.Add(item);
        }

        return taken;
    }

    private static long RequestId(string frame) => JsonNode.Parse(frame)![1]!.GetValue<long>();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_call_made_by_one_reply_leaves_while_the_other_reply_of_the_same_burst_blocks(bool firstBlocks)
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        using var gate = new ManualResetEventSlim();
        var first = client.CallAsync("test.first");
        var firstId = RequestId(await endpoint.ReceiveAsync("[48,"));
        var second = client.CallAsync("test.second");
        var secondId = RequestId(await endpoint.ReceiveAsync("[48,"));

        // Continuations that run synchronously where the reply settles: one blocks, the other calls again.
        Task<WampResult>? third = null;
        var thirdStarted = TaskTimeouts.Signal<bool>();
        Task Blocks(Task<WampResult> reply) => reply.ContinueWith(_ => gate.Wait(TaskTimeouts.Default), TaskContinuationOptions.ExecuteSynchronously);
        Task CallsAgain(Task<WampResult> reply) => reply.ContinueWith(
            _ =>
            {
                third = client.CallAsync("test.third");
                thirdStarted.TrySetResult(true);
            },
            TaskContinuationOptions.ExecuteSynchronously);
        var blocked = firstBlocks ? Blocks(first) : Blocks(second);
        var calling = firstBlocks ? CallsAgain(second) : CallsAgain(first);

        await endpoint.SendTogetherAsync($"[50,{firstId},{{}},[1]]", $"[50,{secondId},{{}},[2]]");

        // The router gets the third CALL while the other continuation still blocks.
        var thirdCall = await endpoint.ReceiveAsync("[48,");
        Assert.Contains("\"test.third\"", thirdCall, StringComparison.Ordinal);
        Assert.False(blocked.IsCompleted);
        await thirdStarted.Task.Within();
        await endpoint.SendAsync($"[50,{RequestId(thirdCall)},{{}},[3]]");
        Assert.Equal(3, (await third!.Within()).Arguments.Get<int>(0));

        gate.Set();
        await blocked.Within();
        await calling.Within();
        Assert.Equal(1, (await first.Within()).Arguments.Get<int>(0));
        Assert.Equal(2, (await second.Within()).Arguments.Get<int>(0));
    }

    [Fact]
    public async Task A_continuation_that_blocks_does_not_stop_later_replies()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        using var gate = new ManualResetEventSlim();
        var first = client.CallAsync("test.first");
        var firstId = RequestId(await endpoint.ReceiveAsync("[48,"));
        var blocked = first.ContinueWith(_ => gate.Wait(TaskTimeouts.Default), TaskContinuationOptions.ExecuteSynchronously);
        await endpoint.SendAsync($"[50,{firstId},{{}},[1]]");

        // One at a time and together: replies keep arriving while that continuation holds its thread.
        for (var round = 0; round < 3; round++)
        {
            var a = client.CallAsync("test.a");
            var aId = RequestId(await endpoint.ReceiveAsync("[48,"));
            var b = client.CallAsync("test.b");
            var bId = RequestId(await endpoint.ReceiveAsync("[48,"));
            await endpoint.SendAsync($"[50,{aId},{{}},[{round}]]");
            Assert.Equal(round, (await a.Within()).Arguments.Get<int>(0));
            await endpoint.SendTogetherAsync($"[50,{bId},{{}},[{round + 10}]]");
            Assert.Equal(round + 10, (await b.Within()).Arguments.Get<int>(0));
        }

        Assert.False(blocked.IsCompleted);
        gate.Set();
        await blocked.Within();
    }

    [Fact]
    public async Task An_event_handler_that_blocks_holds_up_its_own_subscription_only_and_keeps_its_order()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        await using var client = await JoinedAsync(endpoint);
        using var slow = await GatedSubscription.SubscribeAsync(client, endpoint, "test.slow", requestId: 1, subscriptionId: 55);
        var fast = new BlockingCollection<int>();
        var subscribeFast = client.SubscribeAsync("test.fast", (e, _) =>
        {
            fast.Add(e.Arguments.Get<int>(0));
            return ValueTask.CompletedTask;
        });
        await endpoint.ReceiveAsync("""[32,2,{},"test.fast"]""");
        await endpoint.SendAsync("[33,2,66]");
        await subscribeFast.Within();
        var call = client.CallAsync("test.call");
        var callId = RequestId(await endpoint.ReceiveAsync("[48,"));

        // Interleaved in one write: slow, fast, the RESULT, slow, fast...
        var frames = new List<string>();
        for (var i = 1; i <= 20; i++)
        {
            frames.Add($"[36,55,{1000 + i},{{}},[{i}]]");
            frames.Add($"[36,66,{2000 + i},{{}},[{i}]]");
            if (i == 1)
            {
                frames.Add($"[50,{callId},{{}},[\"done\"]]");
            }
        }

        await endpoint.SendTogetherAsync([.. frames]);
        await slow.FirstEvent.Task.Within();

        // While the slow handler blocks, the call completes and the other subscription gets all its events, in order.
        Assert.Equal("done", (await call.Within()).Arguments.Get<string>(0));
        Assert.Equal(Enumerable.Range(1, 20), Take(fast, 20));
        Assert.Empty(slow.Handled);

        slow.Gate.Set();
        Assert.Equal(Enumerable.Range(1, 20), Take(slow.Handled, 20));
    }

    [Fact]
    public async Task Events_beyond_the_queue_capacity_of_a_blocked_subscription_are_dropped_and_counted()
    {
        await using var endpoint = await ScriptedEndpoint.StartAsync();
        var dropped = new BlockingCollection<long>();
        await using var client = await JoinedAsync(endpoint, o => o.EventQueueCapacity = 3);
        client.EventDropped += (_, e) => dropped.Add(e.PublicationId);
        using var subscription = await GatedSubscription.SubscribeAsync(client, endpoint, "test.t", requestId: 1, subscriptionId: 55);

        await endpoint.SendAsync("[36,55,101,{},[1]]");
        await subscription.FirstEvent.Task.Within();
        await endpoint.SendTogetherAsync([.. Enumerable.Range(2, 9).Select(i => $"[36,55,{100 + i},{{}},[{i}]]")]);

        // The handler holds event 1; events 2-4 fill the queue; 5-10 are dropped, each reported once.
        Assert.Equal([105L, 106, 107, 108, 109, 110], Take(dropped, 6));
        subscription.Gate.Set();
        Assert.Equal([1, 2, 3, 4], Take(subscription.Handled, 4));
    }

    /// <summary>A subscription whose handler waits at a gate for every event, then records the event's first argument.</summary>
    private sealed class GatedSubscription : IDisposable
    {
        public ManualResetEventSlim Gate { get; } = new();

        public BlockingCollection<int> Handled { get; } = [];

        public TaskCompletionSource<bool> FirstEvent { get; } = TaskTimeouts.Signal<bool>();

        public static async Task<GatedSubscription> SubscribeAsync(WampClient client, ScriptedEndpoint endpoint, string topic, int requestId, long subscriptionId)
        {
            var gated = new GatedSubscription();
            var subscribe = client.SubscribeAsync(topic, (e, _) =>
            {
                gated.FirstEvent.TrySetResult(true);
                gated.Gate.Wait(TaskTimeouts.Default);
                gated.Handled.Add(e.Arguments.Get<int>(0));
                return ValueTask.CompletedTask;
            });
            await endpoint.ReceiveAsync($$"""[32,{{requestId}},{},"{{topic}}"]""");
            await endpoint.SendAsync($"[33,{requestId},{subscriptionId}]");
            await subscribe.Within();
            return gated;
        }

        /// <summary>Opens the gate, so that no handler is left waiting when the test ends.</summary>
        public void Dispose() => Gate.Set();
    }
}
