using Microsoft.Extensions.Hosting;

namespace Wampy.Router.Hosting;

/// <summary>
/// The lifetime of the router's inner Kestrel host: it does not listen for Ctrl+C or print banners; the router
/// is stopped by whoever started it (the application's host or the test).
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
