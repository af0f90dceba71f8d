using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wampy.TestPeers;

namespace Wampy.Hosting.Tests;

/// <summary>Replicas against fox-wamp, which accepts a second registration of a procedure whatever the invocation policy.</summary>
public class ReplicaTests
{
    [Fact]
    public async Task On_fox_two_replicas_with_invoke_single_both_bind_and_both_serve()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        await using var first = await WorkerHost.StartJoinedAsync(router.Url, o => o.Registration.Invoke = WampInvocationPolicy.Single);
        await using var second = await WorkerHost.StartJoinedAsync(router.Url, o => o.Registration.Invoke = WampInvocationPolicy.Single);

        Assert.Equal(HealthStatus.Healthy, await first.HealthAsync());
        Assert.Equal(HealthStatus.Healthy, await second.HealthAsync());
        Assert.Empty(((WampClient)second.Client).RefusedBindings);
        await using var peer = await AutobahnPeer.StartAsync(router.Url, router.Realm);
        var reply = await peer.CallAsync("calc.add", [2, 3]);
        Assert.Equal(5, reply["args"]![0]!.GetValue<int>());
    }
}
