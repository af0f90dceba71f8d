using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>What a callee logs when the caller gets it wrong: one line at Information, no stack trace.</summary>
public class CalleeLoggingTests
{
    [Fact]
    public async Task A_caller_passing_a_bad_argument_costs_the_callee_one_line_not_a_stack_trace()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        using var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var callee = new WampClient(router.ClientOptions(), factory);
        await callee.ConnectAsync().Within();
        await using var registration = await callee.RegisterAsync("test.square", (i, _) =>
            ValueTask.FromResult(WampResult.FromValue(i.Arguments.Get<int>(0) * i.Arguments.Get<int>(0))));
        await using var caller = await router.ConnectAsync();

        var refused = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync("test.square", ["not a number"]).Within());

        Assert.Contains(WampErrorUris.InvalidArgument, refused.Error + " " + refused.Arguments, StringComparison.Ordinal); // fox-wamp wraps it in callee_failure
        var records = logs.Collector.GetSnapshot();
        var line = Assert.Single(records, r => r.Id.Id == 32);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Null(line.Exception);
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        Assert.Contains(records, r => r.Id.Id == 33 && r.Message.StartsWith("received Invocation", StringComparison.Ordinal)); // frame trace
    }
}
