using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>Per-role permissions of the secure realm: frontend may call and subscribe under com.public. only.</summary>
public sealed class PermissionTests(RouterFixture router) : IClassFixture<RouterFixture>
{
    private static readonly JsonObject Frontend = new()
    {
        ["authmethods"] = new JsonArray("ticket"), ["authid"] = "ticket-user", ["ticket"] = "ticket-secret",
    };

    private static readonly JsonObject Backend = new()
    {
        ["authmethods"] = new JsonArray("wampcra"), ["authid"] = "cra-user", ["secret"] = "cra-secret",
    };

    [Fact]
    public async Task Allowed_actions_succeed_and_denied_ones_give_not_authorized()
    {
        await using var backend = await router.AutobahnAsync("json", "secure", Backend.DeepClone().AsObject());
        await using var frontend = await router.AutobahnAsync("json", "secure", Frontend.DeepClone().AsObject());
        await backend.RegisterAsync("com.public.echo", "echo", options: null);
        await backend.RegisterAsync("com.private.echo", "echo", options: null);
        await backend.RegisterAsync("com.public.admin", "echo", options: null);

        Assert.True((await frontend.CallAsync("com.public.echo", ["hi"]))["ok"]!.GetValue<bool>());
        Assert.Equal("wamp.error.not_authorized", (await frontend.CallAsync("com.private.echo"))["error"]!.GetValue<string>());
        Assert.Equal("wamp.error.not_authorized", (await frontend.CallAsync("com.public.admin"))["error"]!.GetValue<string>());
        Assert.Equal("wamp.error.not_authorized", (await frontend.TryRegisterAsync("com.public.mine", "echo"))["error"]!.GetValue<string>());
        Assert.Equal("wamp.error.not_authorized", (await frontend.TryPublishAsync("com.public.news"))["error"]!.GetValue<string>());
        Assert.Equal("wamp.error.not_authorized", (await frontend.TrySubscribeAsync("com.private.news"))["error"]!.GetValue<string>());
        Assert.True((await frontend.TrySubscribeAsync("com.public.news"))["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_denied_action_leaves_the_session_usable()
    {
        await using var frontend = await router.AutobahnAsync("json", "secure", Frontend.DeepClone().AsObject());

        Assert.Equal("wamp.error.not_authorized", (await frontend.TryRegisterAsync("com.public.x", "echo"))["error"]!.GetValue<string>());
        var count = await frontend.CallAsync("wamp.session.count");

        Assert.True(count["ok"]!.GetValue<bool>(), count.ToJsonString());
        Assert.True(count["args"]![0]!.GetValue<long>() >= 1);
    }
}
