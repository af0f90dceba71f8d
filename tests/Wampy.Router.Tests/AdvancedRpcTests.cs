using System.Text.Json.Nodes;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>Advanced Profile RPC features of the router, exercised by Autobahn|JS peers (and our client where a callee must honour INTERRUPT).</summary>
public sealed class AdvancedRpcTests(RouterFixture router) : IClassFixture<RouterFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("rawsocket")]
    public async Task Progressive_results_reach_a_caller_that_asked_for_them(string transport)
    {
        var procedure = $"com.adv.progress_{transport}";
        await using var callee = await router.AutobahnAsync(transport);
        await using var caller = await router.AutobahnAsync(transport);
        await callee.RegisterAsync(procedure, "progress", options: null);

        var reply = await caller.CallAsync(procedure, [5], options: new JsonObject { ["receive_progress"] = true });

        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal("[[0],[1],[2],[3],[4]]", reply["progress"]!.ToJsonString());
        Assert.Equal("[5]", reply["args"]!.ToJsonString());
    }

    [Fact]
    public async Task A_caller_that_did_not_ask_for_progress_gets_only_the_final_result()
    {
        await using var callee = await router.AutobahnAsync();
        await using var caller = await router.AutobahnAsync();
        await callee.RegisterAsync("com.adv.progress_unasked", "progress", options: null);

        var reply = await caller.CallAsync("com.adv.progress_unasked", [3]);

        Assert.Equal("[]", reply["progress"]!.ToJsonString());
        Assert.Equal("[3]", reply["args"]!.ToJsonString());
    }

    [Fact]
    public async Task Router_timeout_shorter_than_the_work_cancels_the_call()
    {
        await using var callee = await router.AutobahnAsync();
        await using var caller = await router.AutobahnAsync();
        await callee.RegisterAsync("com.adv.slow_timeout", "slow", options: null, new JsonObject { ["delayMs"] = 2000 });

        var reply = await caller.CallAsync("com.adv.slow_timeout", options: new JsonObject { ["timeout"] = 200 });

        Assert.Equal("wamp.error.canceled", reply["error"]!.GetValue<string>());
        Assert.Equal("""["timeout reached"]""", reply["args"]!.ToJsonString());
    }

    [Fact]
    public async Task Router_timeout_longer_than_the_work_lets_the_result_through()
    {
        await using var callee = await router.AutobahnAsync();
        await using var caller = await router.AutobahnAsync();
        await callee.RegisterAsync("com.adv.slow_ok", "slow", options: null, new JsonObject { ["delayMs"] = 100 });

        var reply = await caller.CallAsync("com.adv.slow_ok", ["done"], options: new JsonObject { ["timeout"] = 2000 });

        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal("""["done"]""", reply["args"]!.ToJsonString());
    }

    [Fact]
    public async Task Cancel_in_mode_kill_interrupts_the_callee_and_returns_its_answer()
    {
        await using var callee = await router.ClientAsync();
        var interrupted = TaskTimeouts.Signal<bool>();
        await callee.RegisterAsync("com.adv.cancel_kill", async (invocation, cancellationToken) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                return WampResult.Empty;
            }
            catch (OperationCanceledException)
            {
                interrupted.TrySetResult(true);
                throw;
            }
        });
        await using var caller = await router.AutobahnAsync();

        var reply = await caller.CallThenCancelAsync("com.adv.cancel_kill", TimeSpan.FromMilliseconds(100), "kill");

        Assert.True(await interrupted.Task.Within());
        Assert.Equal("wamp.error.canceled", reply["error"]!.GetValue<string>());
    }

    // Autobahn|JS rejects a call locally on cancel in modes skip and killnowait and then treats the router's
    // ERROR (which the spec requires) as a protocol violation; these modes are therefore checked at message level.
    [Theory]
    [InlineData("skip")]
    [InlineData("killnowait")]
    public async Task Cancel_without_waiting_answers_at_once_and_drops_the_late_result(string mode)
    {
        await using var callee = await RawWampClient.JoinAsync(router.Url);
        await using var caller = await RawWampClient.JoinAsync(router.Url);
        var procedure = $"com.adv.cancel_{mode}";
        await callee.RegisterAsync(1, procedure);

        await caller.SendAsync(new CallMessage(7, WampDictionary.Empty, procedure));
        var invocation = (await callee.ReceiveUntilAsync<InvocationMessage>()).Message;
        await caller.SendAsync(new CancelMessage(7, new Dictionary<string, object?> { ["mode"] = mode }));
        var error = (await caller.ReceiveUntilAsync<ErrorMessage>()).Message;

        Assert.Equal((WampMessageType.Call, 7L, "wamp.error.canceled"), (error.RequestType, error.RequestId, error.Error));
        await callee.SendAsync(new YieldMessage(invocation.RequestId, WampDictionary.Empty, WampArguments.From("late")));
        await caller.SendAsync(new CallMessage(8, WampDictionary.Empty, procedure));
        var (next, beforeNext) = await callee.ReceiveUntilAsync<InvocationMessage>();
        await callee.SendAsync(new YieldMessage(next.RequestId, WampDictionary.Empty, WampArguments.From("fresh")));
        var (result, beforeResult) = await caller.ReceiveUntilAsync<ResultMessage>();

        Assert.Equal(8, result.RequestId);
        Assert.Equal("fresh", result.Arguments!.Get<string>(0));
        Assert.Empty(beforeResult);
        var interrupts = beforeNext.OfType<InterruptMessage>().ToList();
        if (mode == "skip")
        {
            Assert.Empty(interrupts);
        }
        else
        {
            Assert.Equal(invocation.RequestId, Assert.Single(interrupts).RequestId);
        }
    }

    [Fact]
    public async Task Cancel_to_a_callee_without_call_canceling_degrades_to_skip()
    {
        await using var callee = await RawWampClient.JoinAsync(router.Url, calleeCancels: false);
        await using var caller = await RawWampClient.JoinAsync(router.Url);
        await callee.RegisterAsync(1, "com.adv.cancel_unsupported");

        await caller.SendAsync(new CallMessage(3, WampDictionary.Empty, "com.adv.cancel_unsupported"));
        var invocation = (await callee.ReceiveUntilAsync<InvocationMessage>()).Message;
        await caller.SendAsync(new CancelMessage(3, new Dictionary<string, object?> { ["mode"] = "kill" }));

        Assert.Equal("wamp.error.canceled", (await caller.ReceiveUntilAsync<ErrorMessage>()).Message.Error);
        await callee.SendAsync(new YieldMessage(invocation.RequestId, WampDictionary.Empty));
        await callee.SendAsync(new CallMessage(2, WampDictionary.Empty, "wamp.session.count"));
        var (count, before) = await callee.ReceiveUntilAsync<ResultMessage>();
        Assert.DoesNotContain(before, m => m is InterruptMessage);
        Assert.Equal(2, count.RequestId);
    }

    [Theory]
    [InlineData("prefix", "com.adv.prefix.", "com.adv.prefix.a.b")]
    [InlineData("wildcard", "com.adv..get", "com.adv.users.get")]
    public async Task Pattern_registrations_serve_matching_calls_and_show_the_procedure(string match, string pattern, string called)
    {
        await using var callee = await router.AutobahnAsync();
        await using var caller = await router.AutobahnAsync();
        await callee.RegisterAsync(pattern, "details", new JsonObject { ["match"] = match });

        var reply = await caller.CallAsync(called);

        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal(called, reply["args"]![0]!["procedure"]!.GetValue<string>());
    }

    [Fact]
    public async Task Exact_beats_prefix_and_the_longest_prefix_beats_a_shorter_one()
    {
        await using var callee = await router.AutobahnAsync();
        await using var caller = await router.AutobahnAsync();
        await callee.RegisterAsync("com.order.", "details", new JsonObject { ["match"] = "prefix" }, new JsonObject { ["name"] = "short" });
        await callee.RegisterAsync("com.order.item.", "details", new JsonObject { ["match"] = "prefix" }, new JsonObject { ["name"] = "long" });
        await callee.RegisterAsync("com.order.item.add", "details", options: null, new JsonObject { ["name"] = "exact" });

        Assert.Equal("exact", (await caller.CallAsync("com.order.item.add"))["args"]![0]!["who"]!.GetValue<string>());
        Assert.Equal("long", (await caller.CallAsync("com.order.item.remove"))["args"]![0]!["who"]!.GetValue<string>());
        Assert.Equal("short", (await caller.CallAsync("com.order.cancel"))["args"]![0]!["who"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("roundrobin", "a,b,a,b")]
    [InlineData("first", "a,a,a,a")]
    [InlineData("last", "b,b,b,b")]
    public async Task Shared_registrations_follow_the_invocation_policy(string policy, string expected)
    {
        var procedure = $"com.adv.shared_{policy}";
        await using var a = await router.AutobahnAsync();
        await using var b = await router.AutobahnAsync();
        await using var caller = await router.AutobahnAsync();
        var registrationA = await a.RegisterAsync(procedure, "details", new JsonObject { ["invoke"] = policy }, new JsonObject { ["name"] = "a" });
        var registrationB = await b.RegisterAsync(procedure, "details", new JsonObject { ["invoke"] = policy }, new JsonObject { ["name"] = "b" });

        var served = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            served.Add((await caller.CallAsync(procedure))["args"]![0]!["who"]!.GetValue<string>());
        }

        Assert.Equal(registrationA, registrationB);
        Assert.Equal(expected, string.Join(',', served));
    }

    [Fact]
    public async Task Random_policy_reaches_every_callee_eventually_and_only_registered_ones()
    {
        await using var a = await router.AutobahnAsync();
        await using var b = await router.AutobahnAsync();
        await using var caller = await router.AutobahnAsync();
        await a.RegisterAsync("com.adv.shared_random", "details", new JsonObject { ["invoke"] = "random" }, new JsonObject { ["name"] = "a" });
        await b.RegisterAsync("com.adv.shared_random", "details", new JsonObject { ["invoke"] = "random" }, new JsonObject { ["name"] = "b" });

        var served = new HashSet<string>();
        for (var i = 0; i < 64 && served.Count < 2; i++)
        {
            served.Add((await caller.CallAsync("com.adv.shared_random"))["args"]![0]!["who"]!.GetValue<string>());
        }

        Assert.Equal(["a", "b"], served.Order());
    }

    [Fact]
    public async Task Mixed_invocation_policies_are_refused()
    {
        await using var a = await router.AutobahnAsync();
        await using var b = await router.AutobahnAsync();
        await a.RegisterAsync("com.adv.shared_mixed", "echo", new JsonObject { ["invoke"] = "roundrobin" });

        var reply = await b.TryRegisterAsync("com.adv.shared_mixed", "echo", new JsonObject { ["invoke"] = "random" });

        Assert.Equal("wamp.error.procedure_exists_with_different_invocation_policy", reply["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Caller_disclosure_shows_the_caller_to_the_callee()
    {
        await using var callee = await router.AutobahnAsync();
        await using var caller = await router.AutobahnAsync();
        await callee.RegisterAsync("com.adv.who_calls", "details", options: null);
        await callee.RegisterAsync("com.adv.who_calls_always", "details", new JsonObject { ["disclose_caller"] = true });

        var hidden = (await caller.CallAsync("com.adv.who_calls"))["args"]![0]!;
        var disclosedByCaller = (await caller.CallAsync("com.adv.who_calls", options: new JsonObject { ["disclose_me"] = true }))["args"]![0]!;
        var disclosedByCallee = (await caller.CallAsync("com.adv.who_calls_always"))["args"]![0]!;

        Assert.Null(hidden["caller"]);
        Assert.Equal(caller.SessionId, disclosedByCaller["caller"]!.GetValue<long>());
        Assert.Equal(caller.AuthId, disclosedByCaller["caller_authid"]!.GetValue<string>());
        Assert.Equal("anonymous", disclosedByCallee["caller_authrole"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_callee_that_leaves_mid_call_fails_the_call_instead_of_hanging_it()
    {
        var callee = await router.ClientAsync();
        var invoked = TaskTimeouts.Signal<bool>();
        await callee.RegisterAsync("com.adv.vanishing", async (_, cancellationToken) =>
        {
            invoked.TrySetResult(true);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return WampResult.Empty;
        });
        await using var caller = await router.AutobahnAsync();

        var call = caller.CallAsync("com.adv.vanishing");
        await invoked.Task.Within();
        await callee.DisposeAsync();
        var reply = await call;

        Assert.Equal("wamp.error.canceled", reply["error"]!.GetValue<string>());
        Assert.Contains("callee left", reply["args"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
