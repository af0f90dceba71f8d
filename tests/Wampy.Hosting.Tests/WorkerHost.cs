using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Wampy.Hosting.Tests;

/// <summary>A real generic host running Wampy with the test handlers, as an application would.</summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private WorkerHost(IHost host) => Host = host;

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public IWampClient Client => Services.GetRequiredService<IWampClient>();

    public static WorkerHost Build(
        Uri url, Action<WampyOptions>? configure = null, Action<IWampyBuilder>? handlers = null, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        configureLogging?.Invoke(builder.Logging);
        builder.Services.AddSingleton<ProbeLog>();
        builder.Services.AddScoped<ScopedProbe>();
        builder.Services.AddSingleton<Gate>();
        builder.Services.AddSingleton<EventSink>();
        var wampy = builder.Services.AddWampy(o =>
        {
            o.Url = url;
            o.Realm = "realm1";
            o.ConnectTimeout = TimeSpan.FromSeconds(3);
            o.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(100);
            o.Reconnect.MaxDelay = TimeSpan.FromMilliseconds(500);
            o.ShutdownTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        if (handlers is null)
        {
            wampy.AddHandler<CalculatorHandler>().AddHandler<NewsHandler>();
        }
        else
        {
            handlers(wampy);
        }

        builder.Services.AddHealthChecks().AddWampy();
        return new WorkerHost(builder.Build());
    }

    public static async Task<WorkerHost> StartJoinedAsync(Uri url, Action<WampyOptions>? configure = null)
    {
        var host = Build(url, configure);
        await host.Host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await host.Client.WaitUntilConnectedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return host;
    }

    public async Task<HealthStatus> HealthAsync() =>
        (await Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status;

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A host whose start failed (e.g. options validation) is not stopped: there is nothing to stop.
            if (Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
            {
                await Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            if (Host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                Host.Dispose();
            }
        }
    }
}
