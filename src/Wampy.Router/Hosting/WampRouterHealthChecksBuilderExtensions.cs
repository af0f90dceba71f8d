using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wampy.Router.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the embedded router's health check.</summary>
public static class WampRouterHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check named <c>wampy-router</c> (tag <c>ready</c>): Healthy while the router that <c>AddWampyRouter</c> runs
    /// is listening (with the session count of each realm as data), Unhealthy before it starts, after it stops, or when it
    /// failed to start.
    /// </summary>
    public static IHealthChecksBuilder AddWampyRouter(this IHealthChecksBuilder builder, string name = "wampy-router", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<WampRouterHealthCheck>(name, HealthStatus.Unhealthy, tags ?? ["ready"]);
    }
}
