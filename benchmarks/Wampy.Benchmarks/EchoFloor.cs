using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Wampy.Benchmarks;

/// <summary>
/// The floor a WAMP round trip stands on: a raw WebSocket echo between ClientWebSocket and Kestrel in this process,
/// one message in flight, a message the size of a small WAMP CALL. A call through a router is two such round trips
/// (caller to router to callee and back), plus WAMP.
/// </summary>
internal static class EchoFloor
{
    public static async Task<(double PerSecond, double P50, double P99)> MeasureAsync(double warmup, double seconds)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.UseWebSockets();
        app.Run(async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[4096];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, CancellationToken.None);
            }
        });
        await app.StartAsync();
        var address = app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal);

        using var client = new ClientWebSocket();
        await client.ConnectAsync(new Uri(address), CancellationToken.None);
        var message = "[48,1,{},\"bench.echo.0123456789abcdef\",[0,\"hello\"]]"u8.ToArray();
        var reply = new byte[4096];
        var histogram = new LatencyHistogram();
        var count = 0L;
        var clock = Stopwatch.StartNew();
        var measuring = false;
        while (true)
        {
            if (!measuring && clock.Elapsed.TotalSeconds >= warmup)
            {
                measuring = true;
                histogram.Reset();
                clock.Restart();
                count = 0;
            }

            if (measuring && clock.Elapsed.TotalSeconds >= seconds)
            {
                break;
            }

            var start = Stopwatch.GetTimestamp();
            await client.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
            await client.ReceiveAsync(reply.AsMemory(), CancellationToken.None);
            histogram.Record(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            count++;
        }

        var perSecond = count / clock.Elapsed.TotalSeconds;
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await app.StopAsync();
        return (perSecond, histogram.Percentile(0.5), histogram.Percentile(0.99));
    }
}
