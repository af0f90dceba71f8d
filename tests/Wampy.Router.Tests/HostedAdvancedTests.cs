using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Wampy.Hosting;
using Wampy.Testing;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>A handler class using the Advanced Profile through attributes, parameters and return types.</summary>
[WampUriPrefix("com.hosted")]
public sealed class AdvancedHandler(Channel<WampEvent> sensorEvents)
{
    [WampProcedure("count")]
    public async IAsyncEnumerable<int> CountAsync(int to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= to; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    [WampProcedure("download")]
    public async Task<string> DownloadAsync(int chunks, IProgress<int> progress, CancellationToken cancellationToken)
    {
        for (var i = 0; i < chunks; i++)
        {
            progress.Report(i);
            await Task.Delay(1, cancellationToken);
        }

        return "complete";
    }

    [WampProcedure("any", UriMatch = WampMatch.Prefix)]
    public string Any(WampInvocation invocation) => invocation.Procedure;

    [WampProcedure("shared", Invoke = WampInvocationPolicy.RoundRobin, DiscloseCaller = true)]
    public long? Shared(WampInvocation invocation) => invocation.CallerSessionId;

    [WampTopic("sensors", UriMatch = WampMatch.Prefix)]
    public ValueTask OnSensor(double value, WampEvent details) => sensorEvents.Writer.WriteAsync(details);
}

/// <summary>The Wampy.Testing fixture with realm1 granting everything to anonymous clients (an operator may remove registrations).</summary>
public sealed class OperatorRouterFixture : WampRouterFixture
{
    protected override void ConfigureRouter(WampRouterOptions options) =>
        options.Realms.Add(new WampRealmOptions { Name = "realm1", Roles = [RouterFixture.OperatorRole("anonymous")] });
}

/// <summary>Hosted handlers with Advanced Profile features, run by Wampy.Testing against the embedded router, called by Autobahn|JS.</summary>
public sealed class HostedAdvancedTests(OperatorRouterFixture router) : IClassFixture<OperatorRouterFixture>
{
    private Task<WampyTestHost> StartWorkerAsync(Channel<WampEvent>? events = null) =>
        router.StartWorkerAsync(
            wampy => wampy.AddHandler<AdvancedHandler>(),
            services => services.AddSingleton(events ?? Channel.CreateUnbounded<WampEvent>()),
            o => o.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(50));

    [Fact]
    public async Task IAsyncEnumerable_and_IProgress_handlers_stream_progressive_results()
    {
        await using var worker = await StartWorkerAsync();
        await using var caller = await AutobahnPeer.StartAsync(router.Url, router.Realm);
        static JsonObject Progress() => new() { ["receive_progress"] = true };

        var counted = await caller.CallAsync("com.hosted.count", [3], options: Progress());
        var countedQuietly = await caller.CallAsync("com.hosted.count", [3]);
        var downloaded = await caller.CallAsync("com.hosted.download", [3], options: Progress());

        Assert.Equal(("[[1],[2]]", "[3]"), (counted["progress"]!.ToJsonString(), counted["args"]!.ToJsonString()));
        Assert.Equal(("[]", "[3]"), (countedQuietly["progress"]!.ToJsonString(), countedQuietly["args"]!.ToJsonString()));
        Assert.Equal(("[[0],[1],[2]]", """["complete"]"""), (downloaded["progress"]!.ToJsonString(), downloaded["args"]!.ToJsonString()));
    }

    [Fact]
    public async Task Our_streaming_caller_reads_a_hosted_stream()
    {
        await using var worker = await StartWorkerAsync();

        var items = new List<int>();
        await foreach (var result in worker.Client.StreamAsync("com.hosted.count", [4]))
        {
            items.Add(result.Arguments.Get<int>(0));
        }

        Assert.Equal([1, 2, 3, 4], items);
    }

    [Fact]
    public async Task Attribute_options_register_patterns_shared_procedures_and_pattern_topics()
    {
        var events = Channel.CreateUnbounded<WampEvent>();
        await using var worker = await StartWorkerAsync(events);
        await using var peer = await AutobahnPeer.StartAsync(router.Url, router.Realm);

        var any = await peer.CallAsync("com.hosted.any.orders.list");
        var shared = await peer.CallAsync("com.hosted.shared");
        await peer.PublishAsync("com.hosted.sensors.t7", [21.5]);
        var sensor = await events.Reader.ReadAsync().AsTask().Within();

        Assert.Equal("""["com.hosted.any.orders.list"]""", any["args"]!.ToJsonString());
        Assert.Equal(peer.SessionId, shared["args"]![0]!.GetValue<long>());
        Assert.Equal("com.hosted.sensors.t7", sensor.Topic);
        Assert.Equal("roundrobin", (await worker.Client.Meta().GetRegistrationAsync(
            (await worker.Client.Meta().LookupRegistrationAsync("com.hosted.shared"))!.Value)).Invoke);
    }

    [Fact]
    public async Task A_revoked_registration_is_bound_again()
    {
        await using var worker = await StartWorkerAsync();
        await using var operator_ = await AutobahnPeer.StartAsync(router.Url, router.Realm);
        var registration = (await operator_.CallAsync("wamp.registration.lookup", ["com.hosted.download"]))["args"]![0]!.GetValue<long>();

        var removed = await operator_.CallAsync("wamp.registration.remove", [registration, "com.example.maintenance"]);
        Assert.True(removed["ok"]!.GetValue<bool>(), removed.ToJsonString());
        await router.WaitForRegistrationAsync("com.hosted.download");

        var again = await operator_.CallAsync("com.hosted.download", [1]);
        Assert.Equal("""["complete"]""", again["args"]!.ToJsonString());
        Assert.NotEqual(registration, (await operator_.CallAsync("wamp.registration.lookup", ["com.hosted.download"]))["args"]![0]!.GetValue<long>());
    }
}
