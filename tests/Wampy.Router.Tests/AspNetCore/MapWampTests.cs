using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wampy.TestPeers;

namespace Wampy.Router.Tests.AspNetCore;

/// <summary>
/// The router served from an ASP.NET Core app's own pipeline (<c>MapWamp</c>, <c>UseWampRawSocket</c>) on a real
/// Kestrel, with Autobahn|JS clients: every serializer, RawSocket on a second endpoint, endpoint metadata, the origin
/// check and the mapping of the app's authenticated user to a WAMP identity.
/// </summary>
public sealed class MapWampTests : IAsyncLifetime
{
    private InAppRouter _app = null!;

    public async Task InitializeAsync() => _app = await InAppRouter.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<AutobahnPeer> AutobahnAsync(string serializer = "json", string realm = "realm1", JsonObject? settings = null, Uri? url = null)
    {
        settings ??= [];
        settings["serializer"] = serializer;
        return AutobahnPeer.StartAsync(url ?? _app.Url, realm, settings);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task Autobahn_clients_call_and_publish_through_the_apps_own_port(string serializer)
    {
        await using var callee = await AutobahnAsync(serializer);
        await using var caller = await AutobahnAsync(serializer);
        await callee.RegisterAsync("com.app.echo", "echo", options: null);
        await callee.SubscribeAsync("com.app.news");

        var reply = await caller.CallAsync("com.app.echo", [serializer, 42]);
        await caller.PublishAsync("com.app.news", ["hi", serializer]);
        var received = await callee.NextEventAsync();

        Assert.True(reply["ok"]!.GetValue<bool>(), reply.ToJsonString());
        Assert.Equal($"""["{serializer}",42]""", reply["args"]!.ToJsonString());
        Assert.Equal($"""["hi","{serializer}"]""", received["args"]!.ToJsonString());

        // The same port still serves the app's own HTTP endpoints.
        using var http = new HttpClient { BaseAddress = _app.Http };
        Assert.Equal("hello from the app", await http.GetStringAsync("/hello"));
    }

    [Fact]
    public async Task RawSocket_on_a_second_kestrel_endpoint_reaches_websocket_clients()
    {
        await using var callee = await AutobahnAsync("msgpack");
        await using var caller = await AutobahnPeer.StartAsync(_app.Url, "realm1", new JsonObject
        {
            ["rawsocket"] = new JsonObject { ["host"] = "127.0.0.1", ["port"] = _app.RawSocketPort },
        });
        await callee.RegisterAsync("com.app.raw", "echo", options: null);

        var reply = await caller.CallAsync("com.app.raw", ["over rawsocket"]);

        Assert.Equal("""["over rawsocket"]""", reply["args"]!.ToJsonString());
    }

    [Fact]
    public async Task The_accessor_reports_the_router_at_the_apps_address()
    {
        var router = await _app.Accessor.Started.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(_app.Url, router.Url);
        Assert.True(router.IsRunning);
        await using var peer = await AutobahnAsync();
        Assert.Equal(1, router.SessionCount("realm1"));
    }

    [Fact]
    public async Task Endpoint_metadata_applies_RequireAuthorization_refuses_an_anonymous_upgrade()
    {
        var status = await UpgradeStatusAsync(_app.SecureUrl, origin: null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);

        var cookie = await _app.SignInAsync("alice");
        await using var peer = await AutobahnAsync(url: _app.SecureUrl, settings: new JsonObject { ["headers"] = new JsonObject { ["Cookie"] = cookie } });
        Assert.True(peer.SessionId > 0);
    }

    [Fact]
    public async Task A_page_from_another_origin_is_refused_with_403_and_the_same_origin_is_accepted()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await UpgradeStatusAsync(_app.Url, "http://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await UpgradeStatusAsync(_app.Url, $"http://127.0.0.1:{_app.Http.Port + 1}"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await UpgradeStatusAsync(_app.Url, $"http://{_app.Http.Authority}"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await UpgradeStatusAsync(_app.Url, origin: null));

        // A real client behind a foreign page is refused before any WAMP message.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => AutobahnAsync(settings: new JsonObject { ["headers"] = new JsonObject { ["Origin"] = "http://evil.example" } }));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listed_origins_are_accepted()
    {
        await using var app = await InAppRouter.StartAsync(options => options.AllowedOrigins = ["https://dashboard.example.com"]);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, await UpgradeStatusAsync(app.Url, "https://dashboard.example.com"));
        Assert.Equal(HttpStatusCode.Forbidden, await UpgradeStatusAsync(app.Url, "https://other.example.com"));
    }

    [Fact]
    public async Task A_signed_in_web_user_joins_as_themselves_whatever_authid_the_client_asks_for()
    {
        var cookie = await _app.SignInAsync("alice");

        await using var peer = await AutobahnAsync(realm: "members", settings: new JsonObject
        {
            ["authmethods"] = new JsonArray("cookie"),
            ["authid"] = "mallory",
            ["headers"] = new JsonObject { ["Cookie"] = cookie },
        });

        Assert.Equal("alice", peer.AuthId);
        Assert.Equal("member", peer.AuthRole);
        await peer.RegisterAsync("com.members.greet", "echo", options: null); // the role's permission applies
    }

    [Fact]
    public async Task An_anonymous_request_cannot_take_a_web_users_identity()
    {
        // No cookie: the cookie method is not available, and it is the only one offered.
        var refused = await Assert.ThrowsAsync<AutobahnPeerClosedException>(() => AutobahnAsync(realm: "members", settings: new JsonObject
        {
            ["authmethods"] = new JsonArray("cookie"),
            ["authid"] = "alice",
        }));
        Assert.Equal("wamp.error.no_auth_method", refused.Reason);

        // A forged cookie is no better.
        await Assert.ThrowsAsync<AutobahnPeerClosedException>(() => AutobahnAsync(realm: "members", settings: new JsonObject
        {
            ["authmethods"] = new JsonArray("cookie"),
            ["authid"] = "alice",
            ["headers"] = new JsonObject { ["Cookie"] = ".AspNetCore.Cookies=forged" },
        }));

        // Falling back to anonymous gives the router's authid and the anonymous role, never the one asked for.
        await using var anonymous = await AutobahnAsync(realm: "members", settings: new JsonObject
        {
            ["authmethods"] = new JsonArray("cookie", "anonymous"),
            ["authid"] = "alice",
        });
        Assert.NotEqual("alice", anonymous.AuthId);
        Assert.Equal("anonymous", anonymous.AuthRole);
        var denied = await anonymous.TryRegisterAsync("com.members.greet", "echo");
        Assert.Equal("wamp.error.not_authorized", denied["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mapping_that_throws_refuses_that_client_and_the_router_keeps_serving()
    {
        await using var app = await InAppRouter.StartAsync(identifyUser: (_, _) => throw new InvalidOperationException("user store down"));

        var refused = await Assert.ThrowsAsync<AutobahnPeerClosedException>(() => AutobahnPeer.StartAsync(app.Url, "realm1", new JsonObject
        {
            ["authmethods"] = new JsonArray("cookie"),
        }));
        Assert.Equal("wamp.error.authentication_failed", refused.Reason);

        await using var next = await AutobahnPeer.StartAsync(app.Url, "realm1");
        Assert.True(next.SessionId > 0);
    }

    [Fact]
    public async Task Stopping_the_app_says_goodbye_to_its_sessions()
    {
        await using var app = await InAppRouter.StartAsync();
        await using var peer = await AutobahnPeer.StartAsync(app.Url, "realm1");

        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var closed = await peer.WaitClosedAsync();
        Assert.Equal("wamp.close.system_shutdown", closed["details"]?.GetValue<string>());
    }

    [Fact]
    public void MapWamp_without_AddWampyRouter_says_what_is_missing()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapWamp("/ws"));

        Assert.Contains("AddWampyRouter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_identity_method_cannot_borrow_a_built_in_methods_name()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddWampyRouter();
        var app = builder.Build();

        var error = Assert.Throws<ArgumentException>(() => app.MapWamp("/ws", wamp => wamp.IdentityAuthMethod = "ticket"));

        Assert.Contains("ticket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_allowed_origin_with_a_path_is_a_configuration_error()
    {
        var options = new WampRouterOptions { AllowedOrigins = ["https://app.example.com/page", "*", "http://localhost:5173"] };

        var error = Assert.Throws<OptionsValidationException>(() => WampRouterOptionsValidator.ThrowIfInvalid(options));

        Assert.Contains("https://app.example.com/page", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Failures);
    }

    private static async Task<HttpStatusCode> UpgradeStatusAsync(Uri url, string? origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol("wamp.2.json");
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(url, timeout.Token);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }

        return socket.HttpStatusCode;
    }
}
