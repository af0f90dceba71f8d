using Wampy.Messages;
using Wampy.Payload;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>
/// What the router sends and answers, checked against the spec: the session-kill meta API, refusals that say what
/// happened, and feature-dependent messages only to peers that announced the feature. Each test owns its router.
/// </summary>
public sealed class ConformanceTests : IAsyncLifetime
{
    private WampRouter _router = null!;

    public async Task InitializeAsync()
    {
        var options = new WampRouterOptions { Port = 0, ShutdownTimeout = TimeSpan.FromSeconds(2) };
        // Killing and removing act on other sessions: only an explicit grant allows them (here: everything to anonymous).
        options.Realms.Add(new WampRealmOptions
        {
            Name = "realm1",
            Roles = [new WampRoleOptions { Name = "anonymous", Permissions = [new WampPermissionOptions { Uri = "", Call = true, Register = true, Publish = true, Subscribe = true }] }],
        });
        _router = await WampRouter.StartAsync(options);
    }

    public async Task DisposeAsync() => await _router.DisposeAsync();

    private async Task<WampClient> JoinAsync(bool reconnect = false)
    {
        var options = new WampClientOptions { Url = _router.Url, Realm = "realm1" };
        options.Reconnect.Enabled = reconnect;
        var client = new WampClient(options);
        await client.ConnectAsync().Within();
        return client;
    }

    private static Task<WampSessionClosedEventArgs> ClosedAsync(WampClient client)
    {
        var closed = TaskTimeouts.Signal<WampSessionClosedEventArgs>();
        client.Closed += (_, e) => closed.TrySetResult(e);
        return closed.Task;
    }

    [Fact]
    public async Task Kill_sends_goodbye_with_the_given_reason_and_message()
    {
        await using var admin = await JoinAsync();
        await using var victim = await JoinAsync();
        var closed = ClosedAsync(victim);

        var result = await admin.CallAsync("wamp.session.kill", [victim.SessionId], new Dictionary<string, object?>
        {
            ["reason"] = "com.example.maintenance", ["message"] = "back in five minutes",
        }).Within();

        Assert.Equal(0, result.Arguments.Count);
        var details = (await admin.CallAsync("wamp.session.get", [admin.SessionId]).Within()).Arguments.Get<System.Text.Json.JsonElement>(0);
        Assert.StartsWith("127.0.0.1:", details.GetProperty("transport").GetProperty("peer").GetString(), StringComparison.Ordinal); // granted explicitly
        var args = await closed.Within();
        Assert.Equal("com.example.maintenance", args.Reason);
        Assert.False(args.ClosedByClient);
        Assert.Equal(1, _router.SessionCount("realm1"));
    }

    [Fact]
    public async Task Kill_refuses_an_unknown_session_its_own_session_and_a_reason_that_is_not_a_uri()
    {
        await using var admin = await JoinAsync();
        await using var other = await JoinAsync();

        var unknown = await Assert.ThrowsAsync<WampException>(() => admin.CallAsync("wamp.session.kill", [123456789L]).Within());
        Assert.Equal("wamp.error.no_such_session", unknown.Error);
        var itself = await Assert.ThrowsAsync<WampException>(() => admin.CallAsync("wamp.session.kill", [admin.SessionId]).Within());
        Assert.Equal(WampErrorUris.InvalidArgument, itself.Error);
        var badReason = await Assert.ThrowsAsync<WampException>(() =>
            admin.CallAsync("wamp.session.kill", [other.SessionId], new Dictionary<string, object?> { ["reason"] = "not a uri" }).Within());
        Assert.Equal(WampErrorUris.InvalidArgument, badReason.Error);
        Assert.Equal(WampClientState.Connected, other.State);
    }

    [Fact]
    public async Task Kill_by_authrole_and_kill_all_never_kill_the_caller_and_return_the_count()
    {
        await using var admin = await JoinAsync();
        await using var first = await JoinAsync();
        await using var second = await JoinAsync();
        var closedFirst = ClosedAsync(first);
        var closedSecond = ClosedAsync(second);

        var killed = await admin.CallAsync<long>("wamp.session.kill_by_authrole", ["anonymous"]).Within();

        Assert.Equal(2, killed);
        Assert.Equal(MetaApiKillReason, (await closedFirst.Within()).Reason);
        Assert.Equal(MetaApiKillReason, (await closedSecond.Within()).Reason);
        Assert.Equal(WampClientState.Connected, admin.State);
        Assert.Equal(0, await admin.CallAsync<long>("wamp.session.kill_by_authrole", ["nobody"]).Within());

        await using var third = await JoinAsync();
        var closedThird = ClosedAsync(third);
        Assert.Equal(1, await admin.CallAsync<long>("wamp.session.kill_all").Within());
        await closedThird.Within();
        Assert.Equal(WampClientState.Connected, admin.State);
    }

    [Fact]
    public async Task Kill_by_authid_kills_that_identity_only()
    {
        await using var admin = await JoinAsync();
        await using var victim = await JoinAsync();
        await using var bystander = await JoinAsync();
        var closed = ClosedAsync(victim);

        Assert.Equal(1, await admin.CallAsync<long>("wamp.session.kill_by_authid", [victim.AuthId]).Within());

        await closed.Within();
        Assert.Equal(WampClientState.Connected, bystander.State);
    }

    [Fact]
    public async Task A_killed_client_with_reconnect_on_rejoins()
    {
        await using var admin = await JoinAsync();
        await using var worker = await JoinAsync(reconnect: true);
        var reconnected = TaskTimeouts.Signal<WampReconnectedEventArgs>();
        worker.Reconnected += (_, e) => reconnected.TrySetResult(e);
        var before = worker.SessionId;

        await admin.CallAsync("wamp.session.kill", [before]).Within();

        Assert.NotEqual(before, (await reconnected.Task.Within()).SessionId);
    }

    [Fact]
    public async Task Revocation_is_sent_only_to_peers_that_announced_it()
    {
        await using var admin = await JoinAsync();
        await using var raw = await RawWampClient.JoinAsync(_router.Url);
        var registrationId = await raw.RegisterAsync(1, "com.conformance.raw");
        await raw.SendAsync(new SubscribeMessage(2, WampDictionary.Empty, "com.conformance.raw"));
        var subscriptionId = (await raw.ReceiveUntilAsync<SubscribedMessage>()).Message.SubscriptionId;

        await admin.CallAsync("wamp.registration.remove", [registrationId]).Within();
        await admin.CallAsync("wamp.subscription.remove", [subscriptionId]).Within();
        await raw.SendAsync(new CallMessage(3, WampDictionary.Empty, "wamp.session.count"));
        var (_, before) = await raw.ReceiveUntilAsync<ResultMessage>();

        // Frames to one session go out in order: an UNREGISTERED or UNSUBSCRIBED would have come before this RESULT.
        Assert.DoesNotContain(before, m => m is UnregisteredMessage or UnsubscribedMessage);
        Assert.Null(await admin.Meta().LookupRegistrationAsync("com.conformance.raw").Within());

        // Our client announces both features, and is told.
        var revoked = TaskTimeouts.Signal<WampRevokedEventArgs>();
        await using var registration = await admin.RegisterAsync("com.conformance.ours", (_, _) => ValueTask.FromResult(WampResult.Empty));
        registration.Revoked += (_, e) => revoked.TrySetResult(e);
        await using var observer = await JoinAsync();
        await observer.CallAsync("wamp.registration.remove", [registration.RegistrationId, "com.example.gone"]).Within();
        Assert.Equal("com.example.gone", (await revoked.Task.Within()).Reason);
    }

    [Fact]
    public async Task Receive_progress_reaches_only_a_callee_that_announced_progressive_results()
    {
        await using var raw = await RawWampClient.JoinAsync(_router.Url, progressiveResults: false);
        await raw.RegisterAsync(1, "com.conformance.progress");
        await using var caller = await JoinAsync();

        await using var stream = caller.StreamAsync("com.conformance.progress").GetAsyncEnumerator();
        var next = stream.MoveNextAsync().AsTask();
        var (invocation, _) = await raw.ReceiveUntilAsync<InvocationMessage>();
        Assert.False(invocation.Details.ContainsKey("receive_progress"));
        await raw.SendAsync(new YieldMessage(invocation.RequestId, WampDictionary.Empty, WampArguments.From("done")));

        Assert.True(await next.Within());
        Assert.Equal("done", stream.Current.Arguments.Get<string>(0));
    }

    [Fact]
    public async Task Registration_conflicts_are_named_for_what_they_are()
    {
        await using var a = await JoinAsync();
        await using var b = await JoinAsync();
        await using var c = await JoinAsync();
        var shared = new RegisterOptions { Invoke = WampInvocationPolicy.RoundRobin };
        await using var first = await a.RegisterAsync("com.probe.shared", (_, _) => ValueTask.FromResult(WampResult.Empty), shared);
        await using var second = await b.RegisterAsync("com.probe.shared", (_, _) => ValueTask.FromResult(WampResult.Empty), shared);

        var single = await Assert.ThrowsAsync<WampException>(() => c.RegisterAsync("com.probe.shared", (_, _) => ValueTask.FromResult(WampResult.Empty)));
        Assert.Equal("wamp.error.procedure_exists_with_different_invocation_policy", single.Error);
        Assert.Contains("registered by 2 other session(s) with invoke 'roundrobin'", single.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("this session", single.Message, StringComparison.Ordinal);

        await using var owned = await c.RegisterAsync("com.probe.owned", (_, _) => ValueTask.FromResult(WampResult.Empty));
        var taken = await Assert.ThrowsAsync<WampException>(() => a.RegisterAsync("com.probe.owned", (_, _) => ValueTask.FromResult(WampResult.Empty)));
        Assert.Equal(WampErrorUris.ProcedureAlreadyExists, taken.Error);
        Assert.Contains("by another session with invoke 'single'", taken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kill_procedures_need_a_grant_like_any_call()
    {
        var options = new WampRouterOptions { Port = 0, ShutdownTimeout = TimeSpan.FromSeconds(2) };
        options.Realms.Add(new WampRealmOptions
        {
            Name = "guarded",
            Roles =
            [
                new WampRoleOptions
                {
                    Name = "anonymous",
                    Permissions =
                    [
                        new WampPermissionOptions { Uri = "wamp.session.", Call = true },
                        new WampPermissionOptions { Uri = "wamp.session.kill" }, // the longer prefix decides: no kill_*
                    ],
                },
            ],
        });
        await using var guarded = await WampRouter.StartAsync(options);
        await using var viewer = new WampClient(new WampClientOptions { Url = guarded.Url, Realm = "guarded" });
        await using var other = new WampClient(new WampClientOptions { Url = guarded.Url, Realm = "guarded" });
        await viewer.ConnectAsync().Within();
        await other.ConnectAsync().Within();

        Assert.Equal(2, await viewer.CallAsync<long>("wamp.session.count").Within());
        foreach (var procedure in new[] { "wamp.session.kill", "wamp.session.kill_by_authid", "wamp.session.kill_by_authrole", "wamp.session.kill_all" })
        {
            var denied = await Assert.ThrowsAsync<WampNotAuthorizedException>(() => viewer.CallAsync(procedure, [other.SessionId]).Within());
            Assert.Equal(WampErrorUris.NotAuthorized, denied.Error);
        }

        Assert.Equal(WampClientState.Connected, other.State);
    }

    private const string MetaApiKillReason = "wamp.close.killed";
}
