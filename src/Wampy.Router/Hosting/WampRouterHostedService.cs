using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wampy.Router.Realms;
using Wampy.Router.Transports;

namespace Wampy.Router.Hosting;

/// <summary>
/// Runs the embedded router with the host, in one of two ways. On its own listener (the default): it starts in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, before any hosted service's StartAsync, so a Wampy client in the
/// same host finds it listening whatever the registration order, and it stops after them. Inside the app's own
/// server, once <c>MapWamp</c> mapped it: the router is built in StartingAsync, opens no listener, is reported
/// started once the app's server listens, and says GOODBYE to its sessions in StoppingAsync, before the server stops.
/// </summary>
internal sealed class WampRouterHostedService(
    IOptions<WampRouterOptions> options, ILoggerFactory loggerFactory, IServiceProvider services, IMeterFactory? meterFactory = null)
    : IHostedLifecycleService, IWampRouterAccessor, IAsyncDisposable
{
    private readonly TaskCompletionSource<WampRouter> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _mappedPath;
    private RouterCore? _attachedCore;

    public WampRouter? Router { get; private set; }

    public Task<WampRouter> Started => _started.Task;

    /// <summary>The running router's core, whichever way it is served; <see langword="null"/> before it starts or when it is disabled.</summary>
    public RouterCore? Core => _attachedCore ?? Router?.Core;

    /// <summary>Counts connections per address for endpoints served by the app's own server.</summary>
    public ConnectionLimiter? Limiter { get; private set; }

    /// <summary>Whether the router is enabled in its options.</summary>
    public bool Enabled => options.Value.Enabled;

    /// <summary>Records that the app serves the router at <paramref name="path"/>, so it opens no listener of its own.</summary>
    public void MarkMapped(string path)
    {
        if (Router is not null || _attachedCore is not null)
        {
            throw new InvalidOperationException("MapWamp must be called before the app starts.");
        }

        _mappedPath ??= path;
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            _started.TrySetCanceled(CancellationToken.None);
            return;
        }

        try
        {
            if (_mappedPath is not null)
            {
                _attachedCore = WampRouter.CreateCore(options.Value, loggerFactory, meterFactory);
                Limiter = new ConnectionLimiter(_attachedCore);
                return;
            }

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

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (_attachedCore is not null && Router is null)
        {
            Router = WampRouter.Attach(_attachedCore, ServedUrl(_mappedPath!));
            _started.TrySetResult(Router);
        }

        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // Inside the app, sessions get their GOODBYE while the server still carries it.
        if (_attachedCore is not null && Router is not null)
        {
            await Router.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

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
        else
        {
            _attachedCore?.Telemetry.Dispose();
        }
    }

    /// <summary>The WebSocket URL of the mapped endpoint on the app's first address (wildcard hosts read as loopback).</summary>
    private Uri ServedUrl(string path)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" ? "127.0.0.1" : uri.Host is "[::]" ? "[::1]" : uri.Host;
        var builder = new UriBuilder(uri) { Scheme = uri.Scheme == "https" ? "wss" : "ws", Host = host.Trim('[', ']'), Path = path };
        return builder.Uri;
    }
}
