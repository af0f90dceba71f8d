using System.Text.Json.Nodes;
using Wampy.Authentication;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>Every auth method against the router's static users, with Autobahn|JS and with our client, and each failure.</summary>
public sealed class AuthenticationTests(RouterFixture router) : IClassFixture<RouterFixture>
{
    public static TheoryData<string, JsonObject, string> Credentials => new()
    {
        { "ticket", new JsonObject { ["authmethods"] = new JsonArray("ticket"), ["authid"] = "ticket-user", ["ticket"] = "ticket-secret" }, "frontend" },
        { "wampcra", new JsonObject { ["authmethods"] = new JsonArray("wampcra"), ["authid"] = "cra-user", ["secret"] = "cra-secret" }, "backend" },
        { "wampcra", new JsonObject { ["authmethods"] = new JsonArray("wampcra"), ["authid"] = "salted-user", ["secret"] = "salted-secret" }, "backend" },
        { "cryptosign", new JsonObject { ["authmethods"] = new JsonArray("cryptosign"), ["authid"] = "sign-user", ["seed"] = RouterFixture.CryptosignSeed }, "backend" },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task Autobahn_authenticates_with_each_method(string method, JsonObject settings, string role)
    {
        await using var peer = await router.AutobahnAsync("json", "secure", settings);

        Assert.Equal(settings["authid"]!.GetValue<string>(), peer.AuthId);
        Assert.Equal(role, peer.AuthRole);
        Assert.NotEmpty(method);
    }

    [Theory]
    [InlineData("ticket", "ticket-user", "ticket")]
    [InlineData("wampcra", "cra-user", "secret")]
    [InlineData("wampcra", "salted-user", "secret")]
    public async Task Wrong_credentials_are_refused_with_authentication_failed(string method, string authId, string key)
    {
        var settings = new JsonObject { ["authmethods"] = new JsonArray(method), ["authid"] = authId, [key] = "wrong" };

        var refused = await Assert.ThrowsAsync<AutobahnPeerClosedException>(() => router.AutobahnAsync("json", "secure", settings));

        Assert.Equal("wamp.error.authentication_failed", refused.Reason);
    }

    [Fact]
    public async Task Cryptosign_with_another_key_is_refused()
    {
        var settings = new JsonObject
        {
            ["authmethods"] = new JsonArray("cryptosign"), ["authid"] = "sign-user", ["seed"] = new string('1', 64),
        };

        var refused = await Assert.ThrowsAsync<AutobahnPeerClosedException>(() => router.AutobahnAsync("json", "secure", settings));

        // sign-user does use cryptosign: a wrong key is a failed authentication, never "method not accepted".
        Assert.Equal("wamp.error.authentication_failed", refused.Reason);
    }

    [Theory]
    [InlineData("ticket", "nobody-here")]
    [InlineData("ticket", "ticket-user")]
    [InlineData("wampcra", "nobody-here")]
    [InlineData("wampcra", "cra-user")]
    [InlineData("cryptosign", "nobody-here")]
    public async Task An_unknown_authid_is_refused_exactly_like_a_wrong_secret(string method, string authId)
    {
        var settings = new JsonObject { ["authmethods"] = new JsonArray(method), ["authid"] = authId, ["ticket"] = "wrong", ["secret"] = "wrong" };
        if (method == "cryptosign")
        {
            settings["seed"] = new string('2', 64);
        }

        var refused = await Assert.ThrowsAsync<AutobahnPeerClosedException>(() => router.AutobahnAsync("json", "secure", settings));

        Assert.Equal("wamp.error.authentication_failed", refused.Reason);
        Assert.Equal($"Authentication as '{authId}' in realm 'secure' failed ({method}).", refused.AbortMessage);
    }

    [Fact]
    public async Task An_anonymous_client_cannot_choose_its_authid()
    {
        await using var peer = await router.AutobahnAsync("json", "realm1", new JsonObject { ["authid"] = "admin" });

        Assert.NotEqual("admin", peer.AuthId);
        Assert.StartsWith("anonymous-", peer.AuthId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_is_refused_where_the_realm_does_not_allow_it()
    {
        var refused = await Assert.ThrowsAsync<AutobahnPeerClosedException>(() => router.AutobahnAsync("json", "secure"));

        Assert.Equal("wamp.error.no_auth_method", refused.Reason);
    }

    [Fact]
    public async Task Unknown_realm_is_refused_with_no_such_realm()
    {
        var refused = await Assert.ThrowsAsync<AutobahnPeerClosedException>(() => router.AutobahnAsync("json", "com.nowhere"));

        Assert.Equal("wamp.error.no_such_realm", refused.Reason);
    }

    [Fact]
    public async Task Our_client_authenticates_with_every_method()
    {
        var authenticators = new (string AuthId, IWampAuthenticator Authenticator)[]
        {
            ("ticket-user", new TicketAuthenticator("ticket-secret")),
            ("cra-user", new WampCraAuthenticator("cra-secret")),
            ("salted-user", new WampCraAuthenticator("salted-secret")),
            ("sign-user", CryptosignAuthenticator.FromHexSeed(RouterFixture.CryptosignSeed)),
        };
        foreach (var (authId, authenticator) in authenticators)
        {
            await using var client = await router.ClientAsync(realm: "secure", configure: o =>
            {
                o.Authentication.AuthId = authId;
                o.Authenticators.Add(authenticator);
            });

            Assert.Equal(authId, client.AuthId);
            Assert.Equal(authenticator.AuthMethod, client.AuthMethod);
        }
    }

    [Fact]
    public async Task Our_client_gets_a_clear_authentication_failure()
    {
        var failure = await Assert.ThrowsAsync<WampSessionAbortedException>(() => router.ClientAsync(realm: "secure", configure: o =>
        {
            o.Authentication.AuthId = "cra-user";
            o.Authenticators.Add(new WampCraAuthenticator("not-the-secret"));
        }));

        Assert.True(failure.IsAuthenticationFailure);
        Assert.Equal("wamp.error.authentication_failed", failure.Error);
    }
}
