using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wampy.Hosting.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Wampy health check.</summary>
public static class WampyHealthChecksBuilderExtensions
{
    /// <summary>Adds a check that is Healthy only while the WAMP session is joined.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. Default <c>wampy</c>.</param>
    /// <param name="failureStatus">The status reported while not joined. Default Unhealthy.</param>
    /// <param name="tags">Tags; default <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddWampy(
        this IHealthChecksBuilder builder, string name = "wampy", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<WampyHealthCheck>(name, failureStatus ?? HealthStatus.Unhealthy, tags ?? ["ready"]);
    }
}
