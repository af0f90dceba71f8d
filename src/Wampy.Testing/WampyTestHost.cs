using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wampy.Hosting;

namespace Wampy.Testing;

/// <summary>
/// A generic host running Wampy with your handler classes inside a test: the same <c>AddWampy</c> wiring as
/// production, pointed at a test router. Dispose it at the end of the test.
/// </summary>
public sealed class WampyTestHost : IAsyncDisposable
{
    private WampyTestHost(IHost host) => Host = host;

    /// <summary>The host.</summary>
    public IHost Host { get; }

    /// <summary>The host's services, to resolve handlers' dependencies or fakes.</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>The worker's own WAMP session.</summary>
    public IWampClient Client => Services.GetRequiredService<IWampClient>();

    /// <summary>Builds a host running Wampy against <paramref name="url"/>; see <see cref="WampRouterFixture.CreateWorker"/>.</summary>
    public static WampyTestHost Create(
        Uri url, string realm, Action<IWampyBuilder> handlers, Action<IServiceCollection>? services = null, Action<WampyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(handlers);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        services?.Invoke(builder.Services);
        var wampy = builder.Services.AddWampy(o =>
        {
            o.Url = url;
            o.Realm = realm;
            o.ConnectTimeout = TimeSpan.FromSeconds(5);
            o.ShutdownTimeout = TimeSpan.FromSeconds(5);
            o.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(100);
            o.Reconnect.MaxDelay = TimeSpan.FromSeconds(1);
            configure?.Invoke(o);
        });
        handlers(wampy);
        return new WampyTestHost(builder.Build());
    }

    /// <summary>Starts the host and waits until its session has joined the realm and bound the handlers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Host.StartAsync(cancellationToken).ConfigureAwait(false);
        await Client.WaitUntilConnectedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the host gracefully (handlers finish, the session says GOODBYE) and disposes it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
            {
                await Host.StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (Host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                Host.Dispose();
            }
        }
    }
}
