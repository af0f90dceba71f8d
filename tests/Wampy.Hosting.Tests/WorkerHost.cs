using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Wampy.Hosting.Tests;

/// <summary>A real generic host running Wampy with the test handlers, as an application would.</summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private WorkerHost(IHost host, Microsoft.Extensions.Logging.Testing.FakeLoggerProvider logs)
    {
        Host = host;
        Logs = logs;
    }

    /// <summary>Everything the host logged.</summary>
    public Microsoft.Extensions.Logging.Testing.FakeLoggerProvider Logs { get; }

    /// <summary>
    /// Starts a host whose Wampy options are wrong: it must start, stop by itself (exit code 1), and say why in one
    /// critical line; returns that line.
    /// </summary>
    public Task<Refusal> RefusedAsync() => Refusal.OfAsync(Host, Logs);

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public IWampClient Client => Services.GetRequiredService<IWampClient>();

    public static WorkerHost Build(
        Uri url, Action<WampyOptions>? configure = null, Action<IWampyBuilder>? handlers = null, Action<ILoggingBuilder>? configureLogging = null,
        bool generated = false)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        var logs = new Microsoft.Extensions.Logging.Testing.FakeLoggerProvider();
        builder.Logging.AddProvider(logs);
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
        if (handlers is null && generated)
        {
            // The descriptors Wampy.Hosting.Generators wrote for this project at compile time.
            wampy.AddHandler(Generated<CalculatorHandler>()).AddHandler(Generated<NewsHandler>());
        }
        else if (handlers is null)
        {
            wampy.AddHandler<CalculatorHandler>().AddHandler<NewsHandler>();
        }
        else
        {
            handlers(wampy);
        }

        builder.Services.AddHealthChecks().AddWampy();
        return new WorkerHost(builder.Build(), logs);
    }

    /// <summary>The compile-time description of <typeparamref name="T"/>.</summary>
    public static WampHandlerDescriptor Generated<T>() => WampyGeneratedHandlers.All.Single(d => d.HandlerType == typeof(T));

    public static async Task<WorkerHost> StartJoinedAsync(Uri url, Action<WampyOptions>? configure = null, bool generated = false)
    {
        var host = Build(url, configure, generated: generated);
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

/// <summary>What a host with invalid Wampy options said when it stopped: its critical log lines.</summary>
public sealed record Refusal(string Message)
{
    public static async Task<Refusal> OfAsync(IHost host, Microsoft.Extensions.Logging.Testing.FakeLoggerProvider logs)
    {
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(30));
        var critical = logs.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Critical).Select(r => r.Message).ToList();
        Assert.NotEmpty(critical);
        Assert.Equal(WampClientState.Failed, host.Services.GetRequiredService<IWampClient>().State);
        return new Refusal(string.Join(Environment.NewLine, critical));
    }
}
