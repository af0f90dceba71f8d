using System.Diagnostics;
using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>What goes on the wire: the current activity's W3C trace context in CALL and PUBLISH options, or nothing when propagation is off.</summary>
public class TraceContextTests
{
    private static async Task<(ScriptedEndpoint Endpoint, WampClient Client)> JoinAsync(bool propagate)
    {
        var endpoint = await ScriptedEndpoint.StartAsync();
        var options = new WampClientOptions { Url = endpoint.Url, Realm = "realm1", PropagateTraceContext = propagate, CloseTimeout = TimeSpan.FromSeconds(1) };
        var client = new WampClient(options);
        var connect = client.ConnectAsync();
        await endpoint.AcceptAsync();
        await connect.Within();
        return (endpoint, client);
    }

    [Fact]
    public async Task The_current_trace_travels_in_call_and_publish_options()
    {
        var (endpoint, client) = await JoinAsync(propagate: true);
        await using var endpointScope = endpoint;
        await using var clientScope = client;
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "vendor=1";

        _ = client.CallAsync("com.example.call");
        var call = JsonNode.Parse(await endpoint.ReceiveAsync("[48,"))!.AsArray();
        await client.PublishAsync("com.example.topic", ["x"]).Within();
        var publish = JsonNode.Parse(await endpoint.ReceiveAsync("[16,"))!.AsArray();

        Assert.Equal(activity.Id, call[2]!["_traceparent"]!.GetValue<string>());
        Assert.Equal("vendor=1", call[2]!["_tracestate"]!.GetValue<string>());
        Assert.Equal(activity.Id, publish[2]!["_traceparent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nothing_travels_when_propagation_is_off_or_no_activity_is_current()
    {
        var (endpoint, client) = await JoinAsync(propagate: false);
        await using var endpointScope = endpoint;
        await using var clientScope = client;
        using (new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            _ = client.CallAsync("com.example.call");
            var call = JsonNode.Parse(await endpoint.ReceiveAsync("[48,"))!.AsArray();
            Assert.Null(call[2]!["_traceparent"]);
        }

        var (endpoint2, client2) = await JoinAsync(propagate: true);
        await using var endpoint2Scope = endpoint2;
        await using var client2Scope = client2;
        Assert.Null(Activity.Current);
        _ = client2.CallAsync("com.example.call");
        var untraced = JsonNode.Parse(await endpoint2.ReceiveAsync("[48,"))!.AsArray();
        Assert.Equal("{}", untraced[2]!.ToJsonString());
    }
}
