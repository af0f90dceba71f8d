using Wampy.TestPeers;

namespace Wampy.Hosting.Tests;

/// <summary><c>Wampy:Tls</c> from files, as an operator configures it: a private CA and a PEM client certificate.</summary>
public sealed class TlsConfigurationTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    [Fact]
    public async Task A_private_ca_and_a_pem_client_certificate_from_files_are_used()
    {
        var (server, serverPem, serverKeyPem) = _certificates.CreateServer();
        var (client, clientPem, clientKeyPem) = _certificates.CreateClient("worker-7");
        using (server)
        using (client)
        {
            await using var endpoint = await ScriptedEndpoint.StartTlsAsync(serverPem, serverKeyPem);
            await using var worker = WorkerHost.Build(endpoint.Url, o =>
            {
                o.Tls.CaCertificatePaths = [serverPem];
                o.Tls.ClientCertificatePath = clientPem;
                o.Tls.ClientCertificateKeyPath = clientKeyPem;
                o.ShutdownTimeout = TimeSpan.FromSeconds(1);
            }, handlers: _ => { });
            await worker.Host.StartAsync().Within();

            Assert.Equal("worker-7", await endpoint.ClientCertificateAsync());
            await endpoint.AcceptAsync();
            await worker.Client.WaitUntilConnectedAsync().Within();
            Assert.Equal(WampClientState.Connected, worker.Client.State);
        }
    }

    public void Dispose() => _certificates.Dispose();
}
