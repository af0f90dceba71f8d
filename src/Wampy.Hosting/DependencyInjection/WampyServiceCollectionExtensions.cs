using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wampy;
using Wampy.Hosting;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Wampy.Hosting.Handlers;
using Wampy.Hosting.Session;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Wampy to a host: the <see cref="WampClient"/> (injectable as <see cref="IWampClient"/>), started and stopped with the host, and handler classes bound to it.</summary>
public static class WampyServiceCollectionExtensions
{
    /// <summary>Adds Wampy configured in code.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options (Url and Realm at least).</param>
    /// <returns>A builder for handlers and further configuration.</returns>
    public static IWampyBuilder AddWampy(this IServiceCollection services, Action<WampyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddWampy();
        services.Configure(configure);
        return builder;
    }

    /// <summary>Adds Wampy configured from a configuration section, usually <c>Configuration.GetSection("Wampy")</c>.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The section to bind <see cref="WampyOptions"/> from.</param>
    /// <returns>A builder for handlers and further configuration.</returns>
    public static IWampyBuilder AddWampy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddWampy();
        // A misspelt key (Wampy:Hearbeat, Wampy:Rea1m) fails start-up naming it, instead of silently keeping a default.
        services.Configure<WampyOptions>(configuration, binder => binder.ErrorOnUnknownConfiguration = true);
        return builder;
    }

    /// <summary>Adds Wampy; configure it with <see cref="WampyBuilderExtensions.Configure"/> or the other overloads (they combine).</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>A builder for handlers and further configuration.</returns>
    public static IWampyBuilder AddWampy(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(WampyHostedService)))
        {
            return new WampyBuilder(services);
        }

        // Hosting connects in the background, so the first connection is retried like any other (a documented
        // hosting default, set before configuration so that Wampy:Reconnect:RetryOnInitialConnect can turn it off).
        services.AddOptions<WampyOptions>()
            .Configure(static o => o.Reconnect.RetryOnInitialConnect = true)
            .PostConfigure<IServiceProvider>(static (o, sp) =>
            {
                o.MeterFactory ??= sp.GetService<IMeterFactory>();
                if (o.TimeProvider == TimeProvider.System && sp.GetService<TimeProvider>() is { } time)
                {
                    o.TimeProvider = time;
                }
            });
        // Validated when the hosted client starts: invalid options stop the host cleanly, with one critical log line
        // listing every problem and exit code 1, instead of an unhandled exception.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WampyOptions>, WampyOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<HandlerDispatcher>();
        services.TryAddSingleton(static sp =>
        {
            WampyOptions options;
            try
            {
                options = sp.GetRequiredService<IOptions<WampyOptions>>().Value;
            }
            catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
            {
                return WampClient.Misconfigured(ex, sp.GetService<ILoggerFactory>());
            }

            return new WampClient(options, sp.GetService<ILoggerFactory>());
        });
        services.TryAddSingleton<IWampClient>(static sp => sp.GetRequiredService<WampClient>());
        {
            services.AddSingleton<WampyHostedService>();
            services.AddHostedService(static sp => sp.GetRequiredService<WampyHostedService>());
        }

        return new WampyBuilder(services);
    }
}
