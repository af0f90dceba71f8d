using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Wampy.TestPeers;

namespace Wampy.Hosting.Tests;

/// <summary>The hosted session authenticating from configuration against fox-wamp's authentication handler.</summary>
public class AuthenticationTests(AuthenticatingRouterFixture fixture) : IClassFixture<AuthenticatingRouterFixture>
{
    [Theory]
    [InlineData("ticket", "ticket-user")]
    [InlineData("wampcra", "cra-user")]
    [InlineData("wampcra", "salted-user")]
    [InlineData("cryptosign", "sign-user")]
    public async Task Each_method_joins_from_configuration(string method, string authId)
    {
        await using var worker = await WorkerHost.StartJoinedAsync(fixture.Router.Url, o =>
        {
            o.Authentication.Method = method;
            o.Authentication.AuthId = authId;
            o.Authentication.Ticket = "ticket-secret";
            o.Authentication.Secret = authId == "salted-user" ? "salted-secret" : "cra-secret";
            o.Authentication.PrivateKey = method == "cryptosign" ? "dc1371c6171411d24d149aaf9bf6c83c12818690f04421467fe318b9a14f8db7" : null;
        });

        Assert.Equal(5, await worker.Client.CallAsync<int>("calc.add", [2, 3]).Within());
        Assert.Equal(authId, worker.Client.AuthId);
    }

    [Fact]
    public async Task A_refused_secret_is_logged_as_an_error_retried_with_backoff_and_never_logged_itself()
    {
        const string secret = "definitely-wrong-secret-4711";
        using var logs = new FakeLoggerProvider();
        await using var worker = WorkerHost.Build(fixture.Router.Url, o =>
        {
            o.Authentication.Method = "wampcra";
            o.Authentication.AuthId = "cra-user";
            o.Authentication.Secret = secret;
            o.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(50);
        }, configureLogging: l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await worker.Host.StartAsync().Within();

        using var timeout = new CancellationTokenSource(TaskTimeouts.Default);
        while (logs.Collector.GetSnapshot().Count(r => r.Id.Id == 25 && r.Category == typeof(WampClient).FullName) < 2)
        {
            await Task.Delay(20, timeout.Token);
        }

        var records = logs.Collector.GetSnapshot();
        var refused = records.First(r => r.Id.Id == 25 && r.Category == typeof(WampClient).FullName);
        Assert.Equal(LogLevel.Error, refused.Level);
        Assert.Contains("wamp.error.authentication_failed", refused.Message, StringComparison.Ordinal);
        Assert.Contains("authid 'cra-user'", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(records, r => r.Message.Contains(secret, StringComparison.Ordinal) || (r.Exception?.ToString().Contains(secret, StringComparison.Ordinal) ?? false));
        Assert.DoesNotContain(records, r => r.Id.Id == 22 && r.Message.Contains("authentication_failed", StringComparison.Ordinal)); // a refusal is one line, not two
        Assert.Matches(@"attempt \d+ in \d+(\.\d)? (ms|s)$", refused.Message);
        Assert.NotEqual(WampClientState.Connected, worker.Client.State);
    }

    [Fact]
    public async Task Authentication_settings_are_validated_at_start_up()
    {
        await using var missingKey = WorkerHost.Build(fixture.Router.Url, o => o.Authentication.Method = "cryptosign");
        var ex = await missingKey.RefusedAsync();
        Assert.Contains("set exactly one of PrivateKey (64 hex characters) and PrivateKeyFile", ex.Message, StringComparison.Ordinal);

        await using var badKey = WorkerHost.Build(fixture.Router.Url, o =>
        {
            o.Authentication.Method = "cryptosign";
            o.Authentication.PrivateKey = "xyz";
        });
        var bad = await badKey.RefusedAsync();
        Assert.Contains("Wampy:Authentication:PrivateKey must be 64 hex characters", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xyz", bad.Message, StringComparison.Ordinal);

        await using var missingSecret = WorkerHost.Build(fixture.Router.Url, o => o.Authentication.Method = "wampcra");
        var secret = await missingSecret.RefusedAsync();
        Assert.Contains("Wampy:Authentication:Secret is required", secret.Message, StringComparison.Ordinal);

        await using var badTls = WorkerHost.Build(fixture.Router.Url, o =>
        {
            o.Tls.CaCertificatePaths = ["/nonexistent/ca.pem"];
            o.Tls.PinnedCertificateSha256 = ["abc"];
        });
        var tls = await badTls.RefusedAsync();
        Assert.Contains("Wampy:Tls:CaCertificatePaths lists '/nonexistent/ca.pem', which does not exist.", tls.Message, StringComparison.Ordinal);
        Assert.Contains("Wampy:Tls:PinnedCertificateSha256 entries must be SHA-256 thumbprints", tls.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_can_come_from_a_service_at_runtime_and_stay_out_of_to_string()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new FakeSecretStore("from-the-vault"));
        services.AddWampy(o =>
        {
            o.Url = new Uri("ws://127.0.0.1:1");
            o.Realm = "realm1";
            o.Authentication.Method = "wampcra";
        });
        services.AddOptions<WampyOptions>().Configure<FakeSecretStore>((o, store) => o.Authentication.Secret = store.Secret);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WampyOptions>>().Value;
        Assert.Equal("from-the-vault", options.Authentication.Secret);
        Assert.DoesNotContain("from-the-vault", options.Authentication.ToString(), StringComparison.Ordinal);
    }

    public sealed record FakeSecretStore(string Secret);
}
