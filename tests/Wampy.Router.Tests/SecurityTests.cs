using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>
/// Attacks on the router's permissions, written as the attacker would make them: pattern subscriptions and
/// registrations that reach past a grant, the router's own namespace, and meta procedures that act on others.
/// </summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private WampRouter _router = null!;

    public async Task InitializeAsync()
    {
        var options = new WampRouterOptions { Port = 0, ShutdownTimeout = TimeSpan.FromSeconds(2) };
        options.Realms.Add(new WampRealmOptions
        {
            Name = "exact",
            AnonymousRole = "limited",
            Roles =
            [
                new WampRoleOptions
                {
                    Name = "limited",
                    Permissions = [new WampPermissionOptions { Uri = "com.example.status", Match = "exact", Call = true, Register = true, Subscribe = true }],
                },
            ],
        });
        options.Realms.Add(new WampRealmOptions
        {
            Name = "prefix",
            AnonymousRole = "member",
            Roles =
            [
                new WampRoleOptions
                {
                    Name = "member",
                    Permissions =
                    [
                        new WampPermissionOptions { Uri = "com.example.", Call = true, Register = true, Subscribe = true, Publish = true },
                        new WampPermissionOptions { Uri = "com.example.status.private", Match = "exact" },
                        new WampPermissionOptions { Uri = "com.example.admin." },
                    ],
                },
            ],
        });
        options.Realms.Add(new WampRealmOptions { Name = "open" }); // no roles: everything but acting on other sessions
        _router = await WampRouter.StartAsync(options);
    }

    public async Task DisposeAsync() => await _router.DisposeAsync();

    private async Task<WampClient> JoinAsync(string realm)
    {
        var options = new WampClientOptions { Url = _router.Url, Realm = realm, Reconnect = { Enabled = false } };
        var client = new WampClient(options);
        await client.ConnectAsync().Within();
        return client;
    }

    private static readonly WampEventHandler Ignore = (_, _) => ValueTask.CompletedTask;
    private static readonly WampInvocationHandler Nothing = (_, _) => ValueTask.FromResult(WampResult.Empty);

    [Theory]
    [InlineData(WampMatch.Prefix, "com.example.status")]
    [InlineData(WampMatch.Prefix, "com.example.")]
    [InlineData(WampMatch.Wildcard, "com.example.")]
    public async Task An_exact_grant_never_authorises_a_pattern(WampMatch match, string pattern)
    {
        await using var attacker = await JoinAsync("exact");
        var uri = match == WampMatch.Wildcard ? "com.example..status" : pattern;

        var subscribe = await Assert.ThrowsAsync<WampNotAuthorizedException>(() => attacker.SubscribeAsync(uri, Ignore, new SubscribeOptions { Match = match }));
        var register = await Assert.ThrowsAsync<WampNotAuthorizedException>(() => attacker.RegisterAsync(uri, Nothing, new RegisterOptions { Match = match }));

        Assert.Equal(WampErrorUris.NotAuthorized, subscribe.Error);
        Assert.Equal(WampErrorUris.NotAuthorized, register.Error);
        await using var granted = await attacker.SubscribeAsync("com.example.status", Ignore); // the exact grant still works
        Assert.Equal(WampClientState.Connected, attacker.State);
    }

    [Fact]
    public async Task A_prefix_pattern_is_authorised_only_when_no_rule_inside_it_denies()
    {
        await using var member = await JoinAsync("prefix");
        var events = TaskTimeouts.Signal<string>();

        await using var allowed = await member.SubscribeAsync("com.example.orders", (e, _) =>
        {
            events.TrySetResult(e.Topic);
            return ValueTask.CompletedTask;
        }, new SubscribeOptions { Match = WampMatch.Prefix });
        await Assert.ThrowsAsync<WampNotAuthorizedException>(() => member.SubscribeAsync("com.example.status", Ignore, new SubscribeOptions { Match = WampMatch.Prefix }));
        await Assert.ThrowsAsync<WampNotAuthorizedException>(() => member.RegisterAsync("com.example.", Nothing, new RegisterOptions { Match = WampMatch.Prefix }));
        await Assert.ThrowsAsync<WampNotAuthorizedException>(() => member.SubscribeAsync("com..private", Ignore, new SubscribeOptions { Match = WampMatch.Wildcard }));
        // com.example..created could match com.example.admin.created, which a rule denies; com.example.orders..created cannot.
        await Assert.ThrowsAsync<WampNotAuthorizedException>(() => member.SubscribeAsync("com.example..created", Ignore, new SubscribeOptions { Match = WampMatch.Wildcard }));
        await using var wildcard = await member.SubscribeAsync("com.example.orders..created", Ignore, new SubscribeOptions { Match = WampMatch.Wildcard });
        await Assert.ThrowsAsync<WampNotAuthorizedException>(() => member.SubscribeAsync("com.example.status.private", Ignore));

        await using var publisher = await JoinAsync("prefix");
        await publisher.PublishAsync("com.example.orders.new", ["x"], options: new PublishOptions { Acknowledge = true }).Within();
        Assert.Equal("com.example.orders.new", await events.Task.Within());
    }

    [Theory]
    [InlineData("wamp", WampMatch.Prefix)]
    [InlineData("w", WampMatch.Prefix)]
    [InlineData("wam", WampMatch.Prefix)]
    [InlineData("wamp.session", WampMatch.Prefix)]
    [InlineData(".session.kill", WampMatch.Wildcard)]
    [InlineData("wamp..kill", WampMatch.Wildcard)]
    [InlineData("wamp.session.kill", WampMatch.Exact)]
    public async Task No_registration_can_reach_the_routers_namespace(string pattern, WampMatch match)
    {
        await using var attacker = await JoinAsync("open");

        var refused = await Assert.ThrowsAsync<WampNotAuthorizedException>(() => attacker.RegisterAsync(pattern, Nothing, new RegisterOptions { Match = match }));

        Assert.Contains("wamp. namespace", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_to_a_wamp_procedure_the_router_does_not_implement_never_reaches_a_client()
    {
        await using var bystander = await JoinAsync("open");
        var reached = 0;
        await using var prefix = await bystander.RegisterAsync("wamx", (_, _) =>
        {
            Interlocked.Increment(ref reached);
            return ValueTask.FromResult(WampResult.Empty);
        }, new RegisterOptions { Match = WampMatch.Prefix });
        await using var caller = await JoinAsync("open");

        var missing = await Assert.ThrowsAsync<WampNoSuchProcedureException>(() => caller.CallAsync("wamp.session.reset_everything").Within());

        Assert.Equal(WampErrorUris.NoSuchProcedure, missing.Error);
        await caller.CallAsync("wamx.anything").Within(); // the prefix registration still serves its own URIs
        Assert.Equal(1, Volatile.Read(ref reached));
    }

    [Fact]
    public async Task Without_roles_no_session_may_remove_or_kill_another_or_see_its_address()
    {
        await using var victim = await JoinAsync("open");
        await using var registration = await victim.RegisterAsync("com.victim.api", Nothing);
        await using var subscription = await victim.SubscribeAsync("com.victim.news", Ignore);
        await using var attacker = await JoinAsync("open");

        await Assert.ThrowsAsync<WampNotAuthorizedException>(() => attacker.CallAsync("wamp.registration.remove", [registration.RegistrationId]).Within());
        await Assert.ThrowsAsync<WampNotAuthorizedException>(() => attacker.CallAsync("wamp.subscription.remove", [subscription.SubscriptionId]).Within());
        await Assert.ThrowsAsync<WampNotAuthorizedException>(() => attacker.CallAsync("wamp.session.kill", [victim.SessionId]).Within());
        await Assert.ThrowsAsync<WampNotAuthorizedException>(() => attacker.CallAsync("wamp.session.kill_all").Within());
        var details = (await attacker.CallAsync("wamp.session.get", [victim.SessionId]).Within()).Arguments.Get<System.Text.Json.JsonElement>(0);

        Assert.Equal(victim.SessionId, details.GetProperty("session").GetInt64());
        Assert.False(details.GetProperty("transport").TryGetProperty("peer", out _));
        Assert.Equal(WampClientState.Connected, victim.State);
        await attacker.CallAsync("com.victim.api").Within();
    }
}
