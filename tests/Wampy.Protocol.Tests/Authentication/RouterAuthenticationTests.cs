using Wampy.Authentication;
using Wampy.TestPeers;

namespace Wampy.Tests.Authentication;

/// <summary>Joining fox-wamp with its authentication handler (tests/router/auth.js) by every method.</summary>
public class RouterAuthenticationTests(AuthenticatingRouterFixture fixture) : IClassFixture<AuthenticatingRouterFixture>
{
    private const string SpecSeed = "dc1371c6171411d24d149aaf9bf6c83c12818690f04421467fe318b9a14f8db7";

    private Task<WampClient> JoinAsync(string authId, IWampAuthenticator authenticator) => fixture.Router.ConnectAsync(o =>
    {
        o.Authentication.AuthId = authId;
        o.Authenticators.Add(authenticator);
    });

    [Fact]
    public async Task Ticket_authentication_joins()
    {
        await using var client = await JoinAsync("ticket-user", new TicketAuthenticator("ticket-secret"));
        Assert.Equal("ticket", client.AuthMethod);
        Assert.Equal("ticket-user", client.AuthId);
    }

    [Fact]
    public async Task Wampcra_authentication_joins()
    {
        await using var client = await JoinAsync("cra-user", new WampCraAuthenticator("cra-secret"));
        Assert.Equal("wampcra", client.AuthMethod);
    }

    [Fact]
    public async Task Salted_wampcra_authentication_joins()
    {
        await using var client = await JoinAsync("salted-user", new WampCraAuthenticator("salted-secret"));
        Assert.Equal("wampcra", client.AuthMethod);
        Assert.Equal("salted-user", client.AuthId);
    }

    [Fact]
    public async Task Cryptosign_authentication_joins()
    {
        await using var client = await JoinAsync("sign-user", CryptosignAuthenticator.FromHexSeed(SpecSeed));
        Assert.Equal("cryptosign", client.AuthMethod);
        Assert.Equal(WampClientState.Connected, client.State);
    }

    [Fact]
    public async Task A_wrong_secret_fails_with_a_clear_error_that_never_shows_the_secret()
    {
        var ex = await Assert.ThrowsAsync<WampSessionAbortedException>(() => JoinAsync("cra-user", new WampCraAuthenticator("wrong-secret-value")));

        Assert.Equal(WampErrorUris.AuthenticationFailed, ex.Error);
        Assert.True(ex.IsAuthenticationFailure);
        Assert.Equal("cra-user", ex.AuthId);
        Assert.Equal(["wampcra"], ex.AuthMethods);
        Assert.Equal("The router refused to join realm 'realm1' as authid 'cra-user' (authmethods: wampcra): wamp.error.authentication_failed", ex.Message);
        Assert.DoesNotContain("wrong-secret-value", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_ticket_and_a_wrong_key_fail_authentication()
    {
        var ticket = await Assert.ThrowsAsync<WampSessionAbortedException>(() => JoinAsync("ticket-user", new TicketAuthenticator("nope")));
        Assert.Equal(WampErrorUris.AuthenticationFailed, ticket.Error);

        var key = await Assert.ThrowsAsync<WampSessionAbortedException>(() => JoinAsync("sign-user", CryptosignAuthenticator.FromSeed(new byte[32])));
        Assert.Equal(WampErrorUris.NoAuthMethod, key.Error);
    }

    [Fact]
    public async Task Anonymous_access_is_refused_with_no_auth_method()
    {
        var ex = await Assert.ThrowsAsync<WampSessionAbortedException>(() => fixture.Router.ConnectAsync());
        Assert.Equal(WampErrorUris.NoAuthMethod, ex.Error);
        Assert.Contains("realm 'realm1'", ex.Message, StringComparison.Ordinal);
    }
}
