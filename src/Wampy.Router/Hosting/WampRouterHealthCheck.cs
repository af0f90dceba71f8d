using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wampy.Router.Hosting;

/// <summary>Healthy while the hosted router listens; Unhealthy before it starts, after it stops, or when it failed to start.</summary>
internal sealed class WampRouterHealthCheck(IWampRouterAccessor accessor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = accessor.Started;
        var result = started.Status switch
        {
            TaskStatus.RanToCompletion when started.Result.IsRunning => HealthCheckResult.Healthy(
                $"Listening on {started.Result.Url}",
                started.Result.Realms.ToDictionary(r => $"sessions.{r}", r => (object)started.Result.SessionCount(r))),
            TaskStatus.RanToCompletion => HealthCheckResult.Unhealthy("The router has stopped."),
            TaskStatus.Canceled => HealthCheckResult.Healthy("The router is disabled (WampyRouter:Enabled is false)."),
            TaskStatus.Faulted => HealthCheckResult.Unhealthy("The router failed to start.", started.Exception?.GetBaseException()),
            _ => HealthCheckResult.Unhealthy("The router has not started yet."),
        };
        return Task.FromResult(result);
    }
}
