using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wampy.Router.Hosting;

/// <summary>
/// Runs the embedded router with the host. It starts in <see cref="IHostedLifecycleService.StartingAsync"/>, before
/// any hosted service's StartAsync, so a Wampy client in the same host finds it listening whatever the
/// registration order; it stops after them.
/// </summary>
internal sealed class WampRouterHostedService(IOptions<WampRouterOptions> options, ILoggerFactory loggerFactory, IMeterFactory? meterFactory = null)
    : IHostedLifecycleService, IWampRouterAccessor, IAsyncDisposable
{
    private readonly TaskCompletionSource<WampRouter> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WampRouter? Router { get; private set; }

    public Task<WampRouter> Started => _started.Task;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            _started.TrySetCanceled(CancellationToken.None);
            return;
        }

        try
        {
            Router = await WampRouter.StartAsync(options.Value, loggerFactory, meterFactory, cancellationToken).ConfigureAwait(false);
            _started.TrySetResult(Router);
        }
        catch (Exception ex)
        {
            _started.TrySetException(ex);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (Router is not null)
        {
            await Router.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Router is not null)
        {
            await Router.DisposeAsync().ConfigureAwait(false);
        }
    }
}
