using System.Text.Json.Nodes;
using Wampy.Payload;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>
/// The client's Advanced Profile features through the embedded router, with an Autobahn|JS peer on the other side
/// of each feature wherever one can be.
/// </summary>
public sealed class ClientAdvancedProfileTests(RouterFixture router) : IClassFixture<RouterFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task Our_caller_streams_progressive_results_from_an_autobahn_callee(string serializer)
    {
        var procedure = $"com.cap.progress_{serializer}";
        await using var callee = await router.AutobahnAsync(serializer);
        await callee.RegisterAsync(procedure, "progress", options: null);
        await using var caller = await router.ClientAsync(serializer);

        var results = new List<(bool Progress, int Value)>();
        await foreach (var result in caller.StreamAsync(procedure, [4]))
        {
            results.Add((result.IsProgress, result.Arguments.Get<int>(0)));
        }

        Assert.Equal([(true, 0), (true, 1), (true, 2), (true, 3), (false, 4)], results);
    }

    [Fact]
    public async Task An_autobahn_caller_receives_our_progressive_results_only_when_it_asks()
    {
        await using var callee = await router.ClientAsync();
        await callee.RegisterAsync("com.cap.our_progress", (invocation, _) =>
        {
            for (var i = 0; i < 3; i++)
            {
                invocation.ReportProgress(WampResult.FromValue($"step {i}"));
            }

            return ValueTask.FromResult(WampResult.FromValue("done"));
        });
        await using var caller = await router.AutobahnAsync();

        var asked = await caller.CallAsync("com.cap.our_progress", options: new JsonObject { ["receive_progress"] = true });
        var notAsked = await caller.CallAsync("com.cap.our_progress");

        Assert.Equal("""[["step 0"],["step 1"],["step 2"]]""", asked["progress"]!.ToJsonString());
        Assert.Equal("""["done"]""", asked["args"]!.ToJsonString());
        Assert.Equal("[]", notAsked["progress"]!.ToJsonString());
        Assert.Equal("""["done"]""", notAsked["args"]!.ToJsonString());
    }

    [Fact]
    public async Task Progress_after_the_final_result_is_refused()
    {
        await using var callee = await router.ClientAsync();
        WampInvocation? captured = null;
        await callee.RegisterAsync("com.cap.late_progress", (invocation, _) =>
        {
            captured = invocation;
            return ValueTask.FromResult(WampResult.FromValue("final"));
        });
        await using var caller = await router.ClientAsync();

        var items = new List<WampResult>();
        await foreach (var item in caller.StreamAsync("com.cap.late_progress"))
        {
            items.Add(item);
        }

        Assert.False(Assert.Single(items).IsProgress);
        Assert.Throws<InvalidOperationException>(() => captured!.ReportProgress(WampResult.FromValue("too late")));
    }

    [Fact]
    public async Task Abandoning_a_stream_cancels_the_call_and_interrupts_the_callee()
    {
        await using var callee = await router.ClientAsync();
        var interrupted = TaskTimeouts.Signal<bool>();
        await callee.RegisterAsync("com.cap.endless", async (invocation, cancellationToken) =>
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    invocation.ReportProgress(WampResult.FromValue(i));
                    await Task.Delay(10, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                interrupted.TrySetResult(true);
                throw;
            }
        });
        await using var caller = await router.ClientAsync();

        await foreach (var result in caller.StreamAsync("com.cap.endless"))
        {
            Assert.True(result.IsProgress);
            break;
        }

        Assert.True(await interrupted.Task.Within());
        Assert.True(await caller.Meta().CountSessionsAsync() >= 2);
    }

    [Theory]
    [InlineData(100, 600, false)]
    [InlineData(600, 100, true)]
    public async Task Client_side_timeout_against_an_autobahn_callee(int timeoutMs, int workMs, bool succeeds)
    {
        var procedure = $"com.cap.timeout_{timeoutMs}_{workMs}";
        await using var callee = await router.AutobahnAsync();
        await callee.RegisterAsync(procedure, "slow", options: null, new JsonObject { ["delayMs"] = workMs });
        await using var caller = await router.ClientAsync();
        var options = new CallOptions { Timeout = TimeSpan.FromMilliseconds(timeoutMs) };

        if (succeeds)
        {
            Assert.Equal("ok", await caller.CallAsync<string>(procedure, ["ok"], options: options));
        }
        else
        {
            await Assert.ThrowsAsync<WampTimeoutException>(() => caller.CallAsync(procedure, ["late"], options: options));

            // The router forgot the call (CANCEL, mode skip for a callee without call_canceling): the next call works.
            Assert.Equal("next", await caller.CallAsync<string>(procedure, ["next"], options: new CallOptions { Timeout = TimeSpan.FromSeconds(5) }));
        }
    }

    [Fact]
    public async Task Router_side_timeout_is_sent_and_enforced()
    {
        await using var callee = await router.AutobahnAsync();
        await callee.RegisterAsync("com.cap.router_timeout", "slow", options: null, new JsonObject { ["delayMs"] = 3000 });
        await using var caller = await router.ClientAsync();

        var canceled = await Assert.ThrowsAsync<WampCanceledException>(() =>
            caller.CallAsync("com.cap.router_timeout", options: new CallOptions { RouterTimeout = TimeSpan.FromMilliseconds(150) }));

        Assert.Equal("timeout reached", canceled.Arguments!.Get<string>(0));
    }

    [Theory]
    [InlineData(WampCancelMode.KillNoWait)]
    [InlineData(WampCancelMode.Kill)]
    public async Task Cancelling_the_token_sends_cancel_and_interrupts_our_callee(WampCancelMode mode)
    {
        var procedure = $"com.cap.cancel_{mode}";
        await using var callee = await router.ClientAsync("msgpack");
        var started = TaskTimeouts.Signal<bool>();
        var interrupted = TaskTimeouts.Signal<bool>();
        await callee.RegisterAsync(procedure, async (_, cancellationToken) =>
        {
            started.TrySetResult(true);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                interrupted.TrySetResult(true);
                throw;
            }

            return WampResult.Empty;
        });
        await using var caller = await router.ClientAsync("cbor");
        using var cancellation = new CancellationTokenSource();

        var call = caller.CallAsync(procedure, options: new CallOptions { CancelMode = mode }, cancellationToken: cancellation.Token);
        await started.Task.Within();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(await interrupted.Task.Within());
    }

    [Fact]
    public async Task Cancel_racing_the_result_never_delivers_one_calls_result_to_another()
    {
        await using var callee = await router.ClientAsync();
        await callee.RegisterAsync("com.cap.race", async (invocation, _) =>
        {
            await Task.Yield();
            return WampResult.FromValue(invocation.Arguments.Get<int>(0));
        });
        await using var caller = await router.ClientAsync();
        var random = new Random(7);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromTicks(random.Next(0, 20_000)));
            try
            {
                return (i, await caller.CallAsync<int>("com.cap.race", [i], cancellationToken: cancellation.Token));
            }
            catch (OperationCanceledException)
            {
                return (i, i);
            }
        }));

        Assert.All(outcomes, o => Assert.Equal(o.Item1, o.Item2));
        Assert.Equal(42, await caller.CallAsync<int>("com.cap.race", [42]));
    }

    [Theory]
    [InlineData(WampMatch.Prefix, "com.cap.prefix", "com.cap.prefix.orders.add")]
    [InlineData(WampMatch.Wildcard, "com.cap..get", "com.cap.users.get")]
    public async Task Pattern_registrations_see_the_called_procedure(WampMatch match, string pattern, string called)
    {
        await using var callee = await router.ClientAsync();
        await callee.RegisterAsync(pattern, (invocation, _) => ValueTask.FromResult(WampResult.FromValue(invocation.Procedure)),
            new RegisterOptions { Match = match });
        await using var caller = await router.AutobahnAsync();

        var reply = await caller.CallAsync(called);

        Assert.Equal($"[\"{called}\"]", reply["args"]!.ToJsonString());
    }

    [Fact]
    public async Task Shared_registration_round_robin_between_our_callees()
    {
        await using var a = await router.ClientAsync();
        await using var b = await router.ClientAsync("msgpack");
        var shared = new RegisterOptions { Invoke = WampInvocationPolicy.RoundRobin };
        await a.RegisterAsync("com.cap.shared", (_, _) => ValueTask.FromResult(WampResult.FromValue("a")), shared);
        await b.RegisterAsync("com.cap.shared", (_, _) => ValueTask.FromResult(WampResult.FromValue("b")), shared);
        await using var caller = await router.AutobahnAsync();

        var served = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            served.Add((await caller.CallAsync("com.cap.shared"))["args"]![0]!.GetValue<string>());
        }

        Assert.Equal(["a", "b", "a", "b"], served);
    }

    [Fact]
    public async Task Caller_disclosure_reaches_our_callee()
    {
        await using var callee = await router.ClientAsync();
        await callee.RegisterAsync("com.cap.who", (invocation, _) =>
            ValueTask.FromResult(WampResult.FromValues(invocation.CallerSessionId, invocation.CallerAuthRole)));
        await using var caller = await router.ClientAsync();

        var hidden = await caller.CallAsync("com.cap.who");
        var shown = await caller.CallAsync("com.cap.who", options: new CallOptions { DiscloseMe = true });

        Assert.Null(hidden.Arguments.Get<long?>(0));
        Assert.Equal(caller.SessionId, shown.Arguments.Get<long>(0));
        Assert.Equal("anonymous", shown.Arguments.Get<string>(1));
    }

    [Fact]
    public async Task Publish_options_reach_autobahn_subscribers()
    {
        await using var a = await router.AutobahnAsync();
        await using var b = await router.AutobahnAsync();
        await a.SubscribeAsync("com.cap.news");
        await b.SubscribeAsync("com.cap.news");
        await using var publisher = await router.ClientAsync();
        await publisher.PublishAsync("com.cap.news", ["not a"], options: new PublishOptions { Acknowledge = true, Exclude = [a.SessionId] });
        await publisher.PublishAsync("com.cap.news", ["only a"], options: new PublishOptions { Acknowledge = true, Eligible = [a.SessionId] });
        await publisher.PublishAsync("com.cap.news", ["no anonymous"], options: new PublishOptions { Acknowledge = true, ExcludeAuthRoles = ["anonymous"] });
        await publisher.PublishAsync("com.cap.news", ["only b by authid"], options: new PublishOptions { Acknowledge = true, EligibleAuthIds = [b.AuthId!] });
        await publisher.PublishAsync("com.cap.news", ["signed"], options: new PublishOptions { Acknowledge = true, DiscloseMe = true });

        Assert.Equal("""["only a"]""", (await a.NextEventAsync())["args"]!.ToJsonString());
        var signedForA = await a.NextEventAsync();
        Assert.Equal("""["signed"]""", signedForA["args"]!.ToJsonString());
        Assert.Equal(publisher.SessionId, signedForA["details"]!["publisher"]!.GetValue<long>());
        Assert.Equal("""["not a"]""", (await b.NextEventAsync())["args"]!.ToJsonString());
        Assert.Equal("""["only b by authid"]""", (await b.NextEventAsync())["args"]!.ToJsonString());
        Assert.Equal("""["signed"]""", (await b.NextEventAsync())["args"]!.ToJsonString());
    }

    [Fact]
    public async Task Prefix_subscription_sees_actual_topics_and_retained_events()
    {
        await using var publisher = await router.AutobahnAsync();
        await publisher.PublishAsync("com.cap.sensor.t1", [20.5], options: new JsonObject { ["retain"] = true });
        await using var subscriber = await router.ClientAsync("cbor");
        var received = System.Threading.Channels.Channel.CreateUnbounded<WampEvent>();

        await subscriber.SubscribeAsync("com.cap.sensor", (e, _) => received.Writer.WriteAsync(e), new SubscribeOptions { Match = WampMatch.Prefix, GetRetained = true });
        await publisher.PublishAsync("com.cap.sensor.t2", [21.5]);

        var retained = await received.Reader.ReadAsync().AsTask().Within();
        var live = await received.Reader.ReadAsync().AsTask().Within();
        Assert.Equal(("com.cap.sensor.t1", 20.5, true), (retained.Topic, retained.Arguments.Get<double>(0), retained.Details.GetBoolean("retained") == true));
        Assert.Equal(("com.cap.sensor.t2", 21.5), (live.Topic, live.Arguments.Get<double>(0)));
    }

    [Fact]
    public async Task Ten_thousand_events_to_a_prefix_subscription_arrive_complete_and_in_order()
    {
        await using var subscriber = await router.ClientAsync("msgpack");
        var received = new List<long>();
        var all = TaskTimeouts.Signal<bool>();
        await subscriber.SubscribeAsync("com.cap.bulk.", (e, _) =>
        {
            received.Add(e.Arguments.Get<long>(0));
            if (received.Count == 10_000)
            {
                all.TrySetResult(true);
            }

            return ValueTask.CompletedTask;
        }, new SubscribeOptions { Match = WampMatch.Prefix });
        await using var publisher = await router.ClientAsync("cbor");

        for (var i = 0; i < 10_000; i++)
        {
            await publisher.PublishAsync($"com.cap.bulk.t{i % 7}", [i]);
        }

        await all.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (long)i), received);
    }

    [Fact]
    public async Task Revocations_are_surfaced_on_the_registration_and_the_subscription()
    {
        await using var client = await router.ClientAsync();
        var registration = await client.RegisterAsync("com.cap.revoked", (_, _) => ValueTask.FromResult(WampResult.Empty));
        var subscription = await client.SubscribeAsync("com.cap.revoked_topic", (_, _) => ValueTask.CompletedTask);
        var registrationRevoked = TaskTimeouts.Signal<WampRevokedEventArgs>();
        var subscriptionRevoked = TaskTimeouts.Signal<WampRevokedEventArgs>();
        registration.Revoked += (_, e) => registrationRevoked.TrySetResult(e);
        subscription.Revoked += (_, e) => subscriptionRevoked.TrySetResult(e);
        await using var operator_ = await router.AutobahnAsync();

        await operator_.CallAsync("wamp.registration.remove", [registration.RegistrationId, "com.example.maintenance"]);
        await operator_.CallAsync("wamp.subscription.remove", [subscription.SubscriptionId]);

        Assert.Equal("com.example.maintenance", (await registrationRevoked.Task.Within()).Reason);
        Assert.Equal("wamp.error.kicked", (await subscriptionRevoked.Task.Within()).Reason);
        Assert.Null(await client.Meta().MatchRegistrationAsync("com.cap.revoked"));
        await registration.DisposeAsync(); // nothing left to unregister: no error
    }

    [Fact]
    public async Task Typed_meta_api_helpers()
    {
        await using var callee = await router.ClientAsync();
        await using var registration = await callee.RegisterAsync("com.cap.meta", (_, _) => ValueTask.FromResult(WampResult.Empty), new RegisterOptions { Invoke = WampInvocationPolicy.Random });
        await using var client = await router.ClientAsync();
        var meta = client.Meta();

        var id = await meta.LookupRegistrationAsync("com.cap.meta");
        var info = await meta.GetRegistrationAsync(id!.Value);
        var self = await meta.GetSessionAsync(client.SessionId!.Value);

        Assert.Equal(registration.RegistrationId, id);
        Assert.Equal(("com.cap.meta", "exact", "random"), (info.Uri, info.Match, info.Invoke));
        Assert.Equal([callee.SessionId!.Value], await meta.ListCalleesAsync(id.Value));
        Assert.Equal(1, await meta.CountCalleesAsync(id.Value));
        Assert.Equal("anonymous", self.AuthRole);
        Assert.Contains(client.SessionId.Value, await meta.ListSessionsAsync());
        Assert.Null(await meta.LookupRegistrationAsync("com.cap.nothing"));
        Assert.Empty(await meta.MatchSubscriptionsAsync("com.cap.nothing"));
        await Assert.ThrowsAsync<WampException>(() => meta.GetSessionAsync(1));
    }
}
