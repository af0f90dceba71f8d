using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wampy.Hosting.Session;

namespace Wampy.Hosting.Diagnostics;

/// <summary>Healthy while the WAMP session is joined; Unhealthy while connecting, reconnecting or stopped.</summary>
internal sealed class WampyHealthCheck(SessionTracker tracker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["state"] = tracker.State.ToString() };
        if (tracker.SessionId is { } id)
        {
            data["session"] = id;
        }

        return Task.FromResult(tracker.State == WampSessionState.Established
            ? HealthCheckResult.Healthy($"Joined realm {tracker.Realm} as session {tracker.SessionId}.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"Not joined ({tracker.State}): {tracker.LastError ?? "not connected yet"}.", data: data));
    }
}
