using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wampy.Router;
using Wampy.Router.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded WAMP router with a host.</summary>
public static class WampRouterServiceCollectionExtensions
{
    /// <summary>
    /// Runs the embedded router with the host, configured in code. The options are validated when the host starts.
    /// </summary>
    /// <example><code>builder.Services.AddWampyRouter(o => o.Port = 8080);</code></example>
    public static IServiceCollection AddWampyRouter(this IServiceCollection services, Action<WampRouterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<WampRouterOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    /// <summary>
    /// Runs the embedded router with the host, configured from a section such as <c>WampyRouter</c> in
    /// appsettings.json (see <see cref="WampRouterOptions"/>). The options are validated when the host starts.
    /// </summary>
    /// <example><code>builder.Services.AddWampyRouter(builder.Configuration.GetSection("WampyRouter"));</code></example>
    public static IServiceCollection AddWampyRouter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // A misspelt key fails start-up naming it, instead of silently keeping a default.
        services.AddOptions<WampRouterOptions>().Bind(configuration, binder => binder.ErrorOnUnknownConfiguration = true);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<WampRouterOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WampRouterOptions>, WampRouterOptionsValidator>());
        services.TryAddSingleton<WampRouterHostedService>();
        services.TryAddSingleton<IWampRouterAccessor>(sp => sp.GetRequiredService<WampRouterHostedService>());
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null &&
                               d.ImplementationFactory.Method.ReturnType == typeof(WampRouterHostedService)))
        {
            services.AddSingleton<IHostedService>(RouterHostedService);
        }

        return services;
    }

    private static WampRouterHostedService RouterHostedService(IServiceProvider services) => services.GetRequiredService<WampRouterHostedService>();
}
