using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wampy.Hosting;
using Wampy.Hosting.Diagnostics;
using Wampy.Hosting.Handlers;
using Wampy.Hosting.Session;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Wampy to a host: a hosted WAMP session, handler binding and the injectable <see cref="IWampClient"/>.</summary>
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
        services.Configure<WampyOptions>(configuration);
        return builder;
    }

    /// <summary>Adds Wampy; configure it with <see cref="WampyBuilderExtensions.Configure"/> or the other overloads (they combine).</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>A builder for handlers and further configuration.</returns>
    public static IWampyBuilder AddWampy(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WampyOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WampyOptions>, WampyOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<WampyTelemetry>();
        services.TryAddSingleton<SessionTracker>();
        services.TryAddSingleton<HandlerDispatcher>();
        services.TryAddSingleton<IWampClient, HostedWampClient>();
        if (!services.Any(d => d.ServiceType == typeof(WampyHostedService)))
        {
            services.AddSingleton<WampyHostedService>();
            services.AddHostedService(static sp => sp.GetRequiredService<WampyHostedService>());
        }

        return new WampyBuilder(services);
    }
}
