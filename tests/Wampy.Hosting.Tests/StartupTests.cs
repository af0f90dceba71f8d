using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Wampy.TestPeers;

namespace Wampy.Hosting.Tests;

public class StartupTests
{
    private static readonly Uri Nowhere = new($"ws://127.0.0.1:{FoxRouter.FreePort()}");

    [Theory]
    [InlineData("localhost:8080", "Wampy:Url must be a ws://, wss://, tcp://, tls:// or unix:// URI; got 'localhost:8080'.")]
    [InlineData("http://example.com", "Wampy:Url must be a ws://, wss://, tcp://, tls:// or unix:// URI; got 'http://example.com'.")]
    public async Task A_bad_url_fails_start_up_naming_the_key(string url, string expected)
    {
        await using var worker = WorkerHost.Build(Nowhere, o => o.Url = new Uri(url, UriKind.RelativeOrAbsolute));
        var ex = await worker.RefusedAsync();
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_setting_is_reported_with_its_key()
    {
        await using var worker = WorkerHost.Build(Nowhere, o =>
        {
            o.Realm = "";
            o.Reconnect.BackoffFactor = 0.5;
            o.Reconnect.MaxDelay = TimeSpan.FromMilliseconds(1);
            o.Authentication.Method = "ticket";
            o.Serializers = ["cbor", "xml"];
        });
        var ex = await worker.RefusedAsync();
        Assert.Contains("Wampy:Realm is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Wampy:Reconnect:BackoffFactor must be 1 or more; got 0.5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Wampy:Reconnect:MaxDelay must be at least", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Wampy:Authentication:Ticket is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Wampy:Serializers contains 'xml'; supported: json, msgpack, cbor.", ex.Message, StringComparison.Ordinal);
    }

    private static (IHost Host, Microsoft.Extensions.Logging.Testing.FakeLoggerProvider Logs) BuildFromConfiguration(Dictionary<string, string?> values)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        var logs = new Microsoft.Extensions.Logging.Testing.FakeLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddWampy(builder.Configuration.GetSection("Wampy"));
        return (builder.Build(), logs);
    }

    [Fact]
    public async Task Serializers_from_configuration_replace_the_defaults_and_duplicates_are_refused()
    {
        var (host, _) = BuildFromConfiguration(new() { ["Wampy:Url"] = "ws://127.0.0.1:1/ws", ["Wampy:Realm"] = "r", ["Wampy:Serializers:0"] = "msgpack" });
        using (host)
        {
            Assert.Equal(["msgpack"], host.Services.GetRequiredService<IOptions<WampyOptions>>().Value.Serializers);
        }

        var (duplicated, logs) = BuildFromConfiguration(new()
        {
            ["Wampy:Url"] = "ws://127.0.0.1:1/ws", ["Wampy:Realm"] = "r", ["Wampy:Serializers:0"] = "msgpack", ["Wampy:Serializers:1"] = "msgpack",
        });
        using var duplicatedScope = duplicated;
        var ex = await Refusal.OfAsync(duplicated, logs);
        Assert.Contains("Wampy:Serializers lists 'msgpack' twice.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wampy:Hearbeat:Interval", "Hearbeat")]
    [InlineData("Wampy:Rea1m", "Rea1m")]
    [InlineData("Wampy:Reconnect:MaxAtempts", "MaxAtempts")]
    public async Task A_misspelt_key_fails_start_up_naming_it(string key, string named)
    {
        var (host, logs) = BuildFromConfiguration(new() { ["Wampy:Url"] = "ws://127.0.0.1:1/ws", ["Wampy:Realm"] = "r", [key] = "00:00:05" });
        using var hostScope = host;

        var ex = await Refusal.OfAsync(host, logs);

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_are_logged_as_one_critical_line_listing_every_problem()
    {
        await using var worker = WorkerHost.Build(Nowhere, o =>
        {
            o.Realm = "";
            o.Reconnect.BackoffFactor = 0.5;
        });

        await worker.RefusedAsync();

        var line = Assert.Single(worker.Logs.Collector.GetSnapshot(), r => r.Id.Id == 115);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Critical, line.Level);
        Assert.Contains("Wampy:Realm is required", line.Message, StringComparison.Ordinal);
        Assert.Contains("Wampy:Reconnect:BackoffFactor must be 1 or more", line.Message, StringComparison.Ordinal);
        Assert.Null(line.Exception);
    }

    [Fact]
    public async Task A_heartbeat_timeout_longer_than_its_interval_is_refused()
    {
        await using var worker = WorkerHost.Build(Nowhere, o =>
        {
            o.Heartbeat.Interval = TimeSpan.FromSeconds(5);
            o.Heartbeat.Timeout = TimeSpan.FromSeconds(10);
        });

        var ex = await worker.RefusedAsync();

        Assert.Contains("Wampy:Heartbeat:Timeout (00:00:10) must not be longer than Heartbeat:Interval (00:00:05)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wampy:Url"] = "ws://127.0.0.1:1/ws",
            ["Wampy:Realm"] = "prod",
            ["Wampy:Heartbeat:Interval"] = "00:00:07",
            ["Wampy:Heartbeat:Timeout"] = "00:00:05",
            ["Wampy:Reconnect:MaxAttempts"] = "3",
            ["Wampy:Authentication:Method"] = "ticket",
            ["Wampy:Authentication:Ticket"] = "s3cret",
        });
        builder.Services.AddWampy(builder.Configuration.GetSection("Wampy")).Configure(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<WampyOptions>>().Value;

        Assert.Equal("prod", options.Realm);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Heartbeat.Interval);
        Assert.Equal(3, options.Reconnect.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ShutdownTimeout);
        Assert.DoesNotContain("s3cret", options.Authentication.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_handlers_claiming_one_procedure_fail_start_up()
    {
        await using var worker = WorkerHost.Build(Nowhere, handlers: w => w.AddHandler<CalculatorHandler>().AddHandler<DuplicateHandler>());
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => worker.Host.StartAsync());
        Assert.Equal("Procedure 'calc.add' is claimed twice: by CalculatorHandler.Add and by DuplicateHandler.Add. A procedure has one handler.", ex.Message);
    }

    [Fact]
    public async Task An_unbindable_handler_fails_start_up_with_a_clear_message()
    {
        await using var worker = WorkerHost.Build(Nowhere, handlers: w => w.AddHandler<UnbindableHandler>());
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => worker.Host.StartAsync());
        Assert.Contains("UnbindableHandler.StreamAsync ('bad.stream') handles events and cannot return IAsyncEnumerable", ex.Message, StringComparison.Ordinal);

        await using var none = WorkerHost.Build(Nowhere, handlers: w => w.AddHandler<NoMethodsHandler>());
        var noneEx = await Assert.ThrowsAsync<InvalidOperationException>(() => none.Host.StartAsync());
        Assert.Contains("NoMethodsHandler was added as a WAMP handler but has no public method", noneEx.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assembly_scanning_finds_the_handler_classes()
    {
        var services = new ServiceCollection();
        services.AddWampy(o => { }).AddHandlersFromAssembly(typeof(CalculatorHandler).Assembly);
        var handlers = services.Select(d => d.ImplementationInstance).OfType<Handlers.WampHandlerRegistration>()
            .Select(r => r.HandlerType.Name).ToList();
        Assert.Contains(handlers, h => h!.Contains(nameof(CalculatorHandler), StringComparison.Ordinal));
        Assert.Contains(handlers, h => h!.Contains(nameof(NewsHandler), StringComparison.Ordinal));
        Assert.DoesNotContain(handlers, h => h!.Contains(nameof(NoMethodsHandler), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_starts_while_the_router_is_down_and_joins_when_it_appears()
    {
        var port = FoxRouter.FreePort();
        await using var router = FoxRouter.OnPort(port);
        await using var worker = WorkerHost.Build(new Uri($"ws://127.0.0.1:{port}"));

        await worker.Host.StartAsync().Within();
        Assert.NotEqual(WampClientState.Connected, worker.Client.State);
        Assert.Equal(HealthStatus.Unhealthy, await worker.HealthAsync());

        await router.InitializeAsync();
        await worker.Client.WaitUntilConnectedAsync().Within();
        Assert.Equal(HealthStatus.Healthy, await worker.HealthAsync());
        Assert.Equal(3, await worker.Client.CallAsync<int>("calc.add", [1, 2]).Within());
    }

    [Fact]
    public async Task Calls_while_disconnected_fail_after_the_connection_wait_timeout()
    {
        await using var worker = WorkerHost.Build(Nowhere, o => o.ConnectionWaitTimeout = TimeSpan.FromMilliseconds(300));
        await worker.Host.StartAsync().Within();

        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => worker.Client.CallAsync("calc.add", [1, 2]).Within());
        Assert.Contains("(ConnectionWaitTimeout)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_the_first_connection_fails_start_up_when_the_router_is_down()
    {
        await using var worker = WorkerHost.Build(Nowhere, o =>
        {
            o.WaitForConnectionAtStartup = true;
            o.ConnectTimeout = TimeSpan.FromMilliseconds(500);
        });
        var ex = await Assert.ThrowsAsync<WampConnectionException>(() => worker.Host.StartAsync().Within());
        Assert.Contains("Wampy:WaitForConnectionAtStartup", ex.Message, StringComparison.Ordinal);
    }
}
