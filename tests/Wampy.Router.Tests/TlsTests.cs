using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>The router's TLS endpoints: wss:// and tls:// with a PEM certificate, validated by our client by default.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = new();
    private System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate = null!;
    private WampRouter _router = null!;

    public async Task InitializeAsync()
    {
        var (certificate, certificatePem, keyPem) = _certificates.CreateServer();
        _certificate = certificate;
        _router = await WampRouter.StartAsync(new WampRouterOptions
        {
            Port = 0,
            RawSocketPort = 0,
            Tls = new WampRouterTlsOptions { CertificatePath = certificatePem, KeyPath = keyPem },
        });
    }

    public async Task DisposeAsync()
    {
        await _router.DisposeAsync();
        _certificate.Dispose();
        _certificates.Dispose();
    }

    [Fact]
    public async Task Urls_are_secure_and_trusted_clients_join_over_both_transports()
    {
        Assert.Equal("wss", _router.Url.Scheme);
        Assert.Equal("tls", _router.RawSocketUrl!.Scheme);
        foreach (var url in new[] { _router.Url, _router.RawSocketUrl! })
        {
            var options = new WampClientOptions { Url = url, Realm = "realm1" };
            options.Tls.TrustedRootCertificates.Add(_certificate);
            options.Tls.TrustedRootCertificates.Add(_certificate);
            await using var client = new WampClient(options);
            await client.ConnectAsync().Within();

            Assert.True(await client.Meta().CountSessionsAsync() >= 1);
        }
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default()
    {
        await using var client = new WampClient(new WampClientOptions { Url = _router.Url, Realm = "realm1", ConnectTimeout = TimeSpan.FromSeconds(5) });

        var failure = await Assert.ThrowsAsync<WampConnectionException>(() => client.ConnectAsync());

        Assert.Contains("certificate", failure.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _router.SessionCount("realm1"));
    }

    [Fact]
    public async Task A_missing_certificate_file_fails_start_up_naming_the_key()
    {
        var options = new WampRouterOptions { Port = 0, Tls = new WampRouterTlsOptions { CertificatePath = "/nonexistent/router.pem" } };

        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => WampRouter.StartAsync(options));

        Assert.Contains("WampyRouter:Tls:CertificatePath", failure.Message, StringComparison.Ordinal);
    }
}
