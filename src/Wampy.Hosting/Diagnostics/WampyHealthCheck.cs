using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wampy.Hosting.Diagnostics;

/// <summary>
/// Healthy while the client is connected with every handler bound; Degraded while connected with a handler the
/// router refused (retried in the background); Unhealthy (or the registration's failure status) while connecting,
/// reconnecting, closed or failed.
/// </summary>
internal sealed class WampyHealthCheck(WampClient client) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = client.State;
        var data = new Dictionary<string, object> { ["state"] = state.ToString() };
        if (client.SessionId is { } id)
        {
            data["session"] = id;
        }

        var refused = client.RefusedBindings;
        if (state == WampClientState.Connected && refused.Count > 0)
        {
            data["refused"] = refused.ToArray();
            return Task.FromResult(HealthCheckResult.Degraded(
                $"Joined realm {client.Options.Realm} as session {client.SessionId}, but the router refused {refused.Count} handler binding(s), retried in the background: {string.Join("; ", refused)}.",
                data: data));
        }

        return Task.FromResult(state == WampClientState.Connected
            ? HealthCheckResult.Healthy($"Joined realm {client.Options.Realm} as session {client.SessionId}.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"Not joined ({state}): {client.LastError?.Message ?? "not connected yet"}.", data: data));
    }
}
