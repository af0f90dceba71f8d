using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>The router run by a host with AddWampyRouter: configuration, health check and metrics.</summary>
public sealed class HostedRouterTests
{
    [Fact]
    public async Task A_hosted_router_reports_health_and_metrics()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WampyRouter:Port"] = "0",
            ["WampyRouter:Realms:0:Name"] = "hosted",
        });
        builder.Services.AddMetrics();
        builder.Services.AddWampyRouter(builder.Configuration.GetSection("WampyRouter"));
        builder.Services.AddHealthChecks().AddWampyRouter();
        using var host = builder.Build();
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var sessions = new MetricCollector<long>(meters, "Wampy.Router", "wampy.router.sessions");
        using var calls = new MetricCollector<long>(meters, "Wampy.Router", "wampy.router.calls");
        var health = host.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Status);

        await host.StartAsync().Within();
        var router = await host.Services.GetRequiredService<IWampRouterAccessor>().Started.Within();
        await using (var client = new WampClient(new WampClientOptions { Url = router.Url, Realm = "hosted" }))
        {
            await client.ConnectAsync().Within();
            Assert.Equal(1, await client.Meta().CountSessionsAsync());
            var report = await health.CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, report.Status);
            Assert.Equal(1, report.Entries["wampy-router"].Data["sessions.hosted"]);
        }

        await host.StopAsync().Within();
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Status);
        Assert.Equal([1L, -1L], sessions.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal("hosted", sessions.GetMeasurementSnapshot()[0].Tags["wamp.realm"]);
        Assert.Equal(1, calls.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task A_disabled_router_does_not_listen_and_is_healthy()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddWampyRouter(o => o.Enabled = false);
        builder.Services.AddHealthChecks().AddWampyRouter();
        using var host = builder.Build();

        await host.StartAsync().Within();
        var accessor = host.Services.GetRequiredService<IWampRouterAccessor>();

        Assert.Null(accessor.Router);
        Assert.True(accessor.Started.IsCanceled);
        Assert.Equal(HealthStatus.Healthy, (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status);
        await host.StopAsync().Within();
    }

    [Fact]
    public async Task Invalid_router_options_fail_host_start_naming_every_problem()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddWampyRouter(o =>
        {
            o.Port = 70000;
            o.WebSocketPath = "ws";
            o.Serializers = ["json", "xml"];
            o.Realms = [new WampRealmOptions { Name = "r", Users = [new WampRouterUserOptions { AuthId = "nobody" }] }];
        });
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("WampyRouter:Port 70000", failure.Message, StringComparison.Ordinal);
        Assert.Contains("WampyRouter:WebSocketPath 'ws'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'xml' is not one of json, msgpack, cbor", failure.Message, StringComparison.Ordinal);
        Assert.Contains("user 'nobody' has no Ticket, Secret or PublicKey", failure.Message, StringComparison.Ordinal);
    }
}
