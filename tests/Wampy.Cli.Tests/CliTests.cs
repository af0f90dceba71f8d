using System.Text.RegularExpressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Cli.Tests;

/// <summary>One fox-wamp router and one Autobahn|JS peer for the CLI tests of a class.</summary>
public sealed class CliFixture : IAsyncLifetime
{
    public FoxRouter Router { get; } = new();

    public AutobahnPeer Peer { get; private set; } = null!;

    public string Url => Router.Url.ToString();

    public async Task InitializeAsync()
    {
        await Router.InitializeAsync();
        Peer = await AutobahnPeer.StartAsync(Router.Url, Router.Realm);
        await Peer.RegisterAsync("js.echo", "echo");
        await Peer.RegisterAsync("js.progress", "progress", options: null);
        await Peer.RegisterAsync("js.slow", "slow", options: null, new JsonObject { ["delayMs"] = 3000 });
    }

    public async Task DisposeAsync()
    {
        await Peer.DisposeAsync();
        await Router.DisposeAsync();
    }
}

/// <summary>The wampy command run as a process against the fox-wamp test router, with Autobahn|JS on the other side.</summary>
public sealed class CliTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task Call_reaches_an_autobahn_callee_and_prints_its_result_as_json()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync(
            "call", "js.echo", "42", "hello", "[1,2]", "{\"a\":true}", "--kw", "k=v", "--kw", "n=7", "--url", fixture.Url);

        Assert.True(code == 0, stderr);
        using var result = JsonDocument.Parse(stdout);
        Assert.Equal("""[42,"hello",[1,2],{"a":true}]""", result.RootElement.GetProperty("args").GetRawText());
        Assert.Equal("v", result.RootElement.GetProperty("kwargs").GetProperty("k").GetString());
        Assert.Equal(7, result.RootElement.GetProperty("kwargs").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task A_single_result_is_printed_as_that_value()
    {
        var (code, stdout, _) = await CliProcess.RunAsync("call", "js.echo", "\"just me\"", "--url", fixture.Url, "--serializer", "json");

        Assert.Equal(0, code);
        Assert.Equal("\"just me\"", stdout.Trim());
    }

    [Fact]
    public async Task Progressive_results_are_printed_one_per_line()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync("call", "js.progress", "2", "--progress", "--url", fixture.Url);

        Assert.True(code == 0, stderr);
        Assert.Equal(["0", "1", "2"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task An_error_reply_exits_with_5_and_names_the_error_uri()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync("call", "nobody.home", "--url", fixture.Url);

        Assert.Equal(5, code);
        Assert.Empty(stdout);
        Assert.Contains("wamp.error.no_such_procedure", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_timeout_exits_with_6_and_names_the_procedure()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync("call", "js.slow", "--timeout", "0.3", "--url", fixture.Url);

        Assert.Equal(6, code);
        Assert.Empty(stdout);
        Assert.Contains("Call to 'js.slow' timed out", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "call", "bad uri")]
    [InlineData(2, "call", "com.x", "--json", "{not json")]
    [InlineData(2, "call", "com.x", "--kw", "novalue")]
    [InlineData(2, "call", "com.x", "--url", "http://example.com")]
    [InlineData(2, "call", "com.x", "--serializer", "xml")]
    [InlineData(2, "register", "com.x")]
    [InlineData(2, "frobnicate")]
    [InlineData(2, "router", "--port", "70000")]
    [InlineData(2, "call", "com.x", "--timeout", "abc")]
    public async Task Bad_input_exits_with_2_and_one_clear_line(int expected, params string[] arguments)
    {
        var (code, _, stderr) = await CliProcess.RunAsync(arguments);

        Assert.Equal(expected, code);
        Assert.StartsWith("wampy: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Double", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("WampyRouter:Port", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_port_in_use_is_one_line_naming_the_option()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (code, _, stderr) = await CliProcess.RunAsync("router", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, code);
        Assert.Equal($"wampy: port {port} is already in use on 127.0.0.1 (--port); choose another, or 0 for a free one", stderr.Trim());
    }

    [Fact]
    public async Task Cryptosign_without_its_package_fails_start_up_naming_the_package()
    {
        // The sample references Wampy.Hosting but not Wampy.Cryptosign.
        await using var sample = CliProcess.StartSample(new Dictionary<string, string>
        {
            ["WampyRouter__Enabled"] = "false",
            ["Wampy__Authentication__Method"] = "cryptosign",
            ["Wampy__Authentication__PrivateKey"] = new string('1', 64),
        });

        Assert.Equal(1, await sample.WaitForExitAsync()); // a clean stop with one critical line, not an unhandled exception
        Assert.Contains("Wampy:Authentication:Method 'cryptosign' needs the Wampy.Cryptosign package", sample.Stdout + sample.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", sample.Stdout + sample.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_that_gives_up_on_its_router_exits_non_zero()
    {
        await using var sample = CliProcess.StartSample(new Dictionary<string, string>
        {
            ["WampyRouter__Enabled"] = "false",
            ["Wampy__Url"] = $"ws://127.0.0.1:{FoxRouter.FreePort()}/ws",
            ["Wampy__Reconnect__MaxAttempts"] = "2",
            ["Wampy__Reconnect__InitialDelay"] = "00:00:00.100",
            ["Wampy__Reconnect__MaxDelay"] = "00:00:00.200",
        });

        Assert.Equal(1, await sample.WaitForExitAsync());
        Assert.Contains("stopping the application", sample.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_router_exits_with_3_and_a_stack_trace_only_with_verbose()
    {
        var url = $"ws://127.0.0.1:{FoxRouter.FreePort()}/ws";

        var (code, _, stderr) = await CliProcess.RunAsync("call", "com.x", "--url", url, "--timeout", "3");
        var (verboseCode, _, verboseStderr) = await CliProcess.RunAsync("call", "com.x", "--url", url, "--timeout", "3", "--verbose");

        Assert.Equal(3, code);
        Assert.Contains("cannot reach the router", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(3, verboseCode);
        Assert.Contains("   at ", verboseStderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_reaches_an_autobahn_subscriber()
    {
        await fixture.Peer.SubscribeAsync("cli.news");

        var (code, stdout, stderr) = await CliProcess.RunAsync("publish", "cli.news", "breaking", "3", "--kw", "source=cli", "--acknowledge", "--url", fixture.Url);

        Assert.True(code == 0, stderr);
        Assert.True(long.Parse(stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var received = await fixture.Peer.NextEventAsync();
        Assert.Equal("""["breaking",3]""", received["args"]!.ToJsonString());
        Assert.Equal("cli", received["kwargs"]!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscribe_prints_what_an_autobahn_publisher_sends_until_interrupted()
    {
        await using var cli = CliProcess.Start("subscribe", "cli.feed", "--url", fixture.Url);
        await cli.WaitForStderrAsync("subscribed to cli.feed");

        await fixture.Peer.PublishAsync("cli.feed", ["one"]);
        await fixture.Peer.PublishAsync("cli.feed", [2], new JsonObject { ["k"] = "v" });
        var first = JsonNode.Parse(await cli.NextStdoutLineAsync())!;
        var second = JsonNode.Parse(await cli.NextStdoutLineAsync())!;
        var code = await cli.InterruptAsync();

        Assert.Equal(("cli.feed", """["one"]"""), (first["topic"]!.GetValue<string>(), first["args"]!.ToJsonString()));
        Assert.Equal(("[2]", "v"), (second["args"]!.ToJsonString(), second["kwargs"]!["k"]!.GetValue<string>()));
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Register_echo_serves_an_autobahn_caller()
    {
        await using var cli = CliProcess.Start("register", "cli.stub", "--echo", "--count", "1", "--url", fixture.Url);
        await cli.WaitForStderrAsync("registered cli.stub");

        var reply = await fixture.Peer.CallAsync("cli.stub", ["ping", 1]);

        Assert.Equal("""["ping",1]""", reply["args"]!.ToJsonString());
        var invocation = JsonNode.Parse(await cli.NextStdoutLineAsync())!;
        Assert.Equal("cli.stub", invocation["procedure"]!.GetValue<string>());
        Assert.Equal(0, await cli.WaitForExitAsync());
    }

    [Fact]
    public async Task Register_return_answers_with_the_given_json()
    {
        await using var cli = CliProcess.Start("register", "cli.constant", "--return", "{\"answer\":42}", "--url", fixture.Url);
        await cli.WaitForStderrAsync("registered cli.constant");

        var reply = await fixture.Peer.CallAsync("cli.constant");

        Assert.Equal(42, reply["args"]![0]!["answer"]!.GetValue<int>());
        Assert.Equal(0, await cli.InterruptAsync());
    }

    [Fact]
    public async Task Authentication_failure_exits_with_4()
    {
        await using var secured = FoxRouter.WithAuthentication();
        await secured.InitializeAsync();

        var (code, _, stderr) = await CliProcess.RunAsync("call", "com.x", "--url", secured.Url.ToString(), "--authid", "cra-user", "--secret", "wrong");
        var (okCode, _, okStderr) = await CliProcess.RunAsync("publish", "com.x", "--url", secured.Url.ToString(), "--authid", "cra-user", "--secret", "cra-secret");

        Assert.Equal(4, code);
        Assert.Contains("wamp.error.authentication_failed", stderr, StringComparison.Ordinal);
        Assert.True(okCode == 0, okStderr);
    }

    [Fact]
    public async Task Secrets_come_from_environment_variables_too()
    {
        await using var secured = FoxRouter.WithAuthentication();
        await secured.InitializeAsync();

        await using var cli = CliProcess.Start(
            new Dictionary<string, string> { ["WAMPY_URL"] = secured.Url.ToString(), ["WAMPY_AUTHID"] = "ticket-user", ["WAMPY_TICKET"] = "ticket-secret" },
            "publish", "com.from_env");

        Assert.True(await cli.WaitForExitAsync() == 0, cli.Stderr);
    }

    [Fact]
    public async Task Router_command_serves_autobahn_clients()
    {
        await using var cli = CliProcess.Start("router", "--port", "0", "--realm", "cli_realm");
        var banner = await cli.NextStdoutLineAsync();
        while (!banner.Contains("router listening on", StringComparison.Ordinal))
        {
            banner = await cli.NextStdoutLineAsync();
        }

        var url = new Uri(banner.Split(' ').First(w => w.StartsWith("ws://", StringComparison.Ordinal)).TrimEnd(';'));
        await using var callee = await AutobahnPeer.StartAsync(url, "cli_realm");
        await using var caller = await AutobahnPeer.StartAsync(url, "cli_realm");
        await callee.RegisterAsync("cli.router.echo", "echo");

        var reply = await caller.CallAsync("cli.router.echo", ["through the cli router"]);

        Assert.Equal("""["through the cli router"]""", reply["args"]!.ToJsonString());
        Assert.Equal(0, await cli.InterruptAsync());
    }

    [Fact]
    public async Task Router_command_honours_the_port_and_realms_of_its_config_file_and_adds_no_open_realm()
    {
        var port = FoxRouter.FreePort();
        var config = Path.Combine(Path.GetTempPath(), $"wampy-router-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "WampyRouter": {
                "Port": {{port}},
                "ListenAddress": "127.0.0.1",
                "Realms": [
                  {
                    "Name": "realm1",
                    "AllowAnonymous": false,
                    "Users": [ { "AuthId": "alice", "Role": "staff", "Ticket": "alice-ticket" } ],
                    "Roles": [ { "Name": "staff", "Permissions": [ { "Uri": "", "Call": true } ] } ]
                  }
                ]
              }
            }
            """);
        try
        {
            await using var cli = CliProcess.Start("router", "--config", config);
            var banner = await cli.WaitForStdoutAsync("wampy: router listening on");

            Assert.Contains($"ws://127.0.0.1:{port}/ws", banner, StringComparison.Ordinal);
            Assert.Contains("realms realm1;", banner, StringComparison.Ordinal);
            var url = new Uri($"ws://127.0.0.1:{port}/ws");
            var refused = await Assert.ThrowsAsync<AutobahnPeerClosedException>(() => AutobahnPeer.StartAsync(url, "realm1"));
            Assert.Equal("wamp.error.no_auth_method", refused.Reason);
            var alice = new JsonObject { ["authmethods"] = new JsonArray("ticket"), ["authid"] = "alice", ["ticket"] = "alice-ticket" };
            await using var peer = await AutobahnPeer.StartAsync(url, "realm1", alice);
            Assert.Equal("staff", peer.AuthRole);
            Assert.Equal(0, await cli.InterruptAsync());
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Router_command_reads_realms_users_and_roles_from_a_config_file()
    {
        var config = Path.Combine(Path.GetTempPath(), $"wampy-router-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """
            {
              "WampyRouter": {
                "Port": 0,
                "Realms": [
                  {
                    "Name": "office",
                    "AllowAnonymous": false,
                    "Users": [ { "AuthId": "alice", "Role": "staff", "Ticket": "alice-ticket" } ],
                    "Roles": [ { "Name": "staff", "Permissions": [ { "Uri": "office.", "Call": true, "Register": true } ] } ]
                  }
                ]
              }
            }
            """);
        try
        {
            await using var cli = CliProcess.Start("router", "--config", config);
            var banner = await cli.NextStdoutLineAsync();
            while (!banner.Contains("router listening on", StringComparison.Ordinal))
            {
                banner = await cli.NextStdoutLineAsync();
            }

            var url = new Uri(banner.Split(' ').First(w => w.StartsWith("ws://", StringComparison.Ordinal)).TrimEnd(';'));
            var alice = new JsonObject { ["authmethods"] = new JsonArray("ticket"), ["authid"] = "alice", ["ticket"] = "alice-ticket" };
            await using var peer = await AutobahnPeer.StartAsync(url, "office", alice);
            var refused = await Assert.ThrowsAsync<AutobahnPeerClosedException>(() => AutobahnPeer.StartAsync(url, "office"));

            Assert.Equal("staff", peer.AuthRole);
            Assert.Equal("wamp.error.no_auth_method", refused.Reason);
            Assert.Equal("wamp.error.not_authorized", (await peer.TryRegisterAsync("elsewhere.x", "echo"))["error"]!.GetValue<string>());
            Assert.Equal(0, await cli.InterruptAsync());
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Verbose_shows_the_protocol_exchange_frame_by_frame_without_payloads()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync("call", "js.echo", "\"a-payload-value\"", "-v", "--url", fixture.Url);

        Assert.True(code == 0, stderr);
        var output = stdout + stderr;
        Assert.Contains("sent Hello", output, StringComparison.Ordinal);
        Assert.Matches(@"sent Call \d+", output);
        Assert.Matches(@"received Result \d+", output);
        Assert.Equal(1, Regex.Count(output, "a-payload-value")); // printed once, as the result; never logged
    }

    [Fact]
    public async Task Full_prints_one_shape_for_every_result()
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync("call", "js.echo", "5", "--full", "--url", fixture.Url);

        Assert.True(code == 0, stderr);
        Assert.Equal("""{"args":[5],"kwargs":{}}""", stdout.Trim());
    }

    [Fact]
    public async Task Run_reads_the_appsettings_json_next_to_the_handlers()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"wampy-run-{Guid.NewGuid():N}");
        var source = Path.GetDirectoryName(CliProcess.SamplePath)!;
        try
        {
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"), $$"""{ "Wampy": { "Url": "{{fixture.Url}}", "Realm": "realm1" } }""");
            await using var cli = CliProcess.Start("run", Path.Combine(folder, "WorkerService.dll")); // no --url: the file's Url
            await cli.WaitForStdoutAsync("bound 2 procedure(s)");

            var reply = await fixture.Peer.CallAsync("get_binary_number", [7]);
            Assert.Equal("""["0b111"]""", reply["args"]!.ToJsonString());
            var exitCode = await cli.InterruptAsync();
            Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:\n{cli.Stderr}\nstdout:\n{cli.Stdout}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_hosts_the_handler_classes_of_a_built_assembly()
    {
        await using var cli = CliProcess.Start("run", CliProcess.SamplePath, "--url", fixture.Url);
        while (!(await cli.NextStdoutLineAsync()).Contains("bound 2 procedure(s)", StringComparison.Ordinal))
        {
        }

        var reply = await fixture.Peer.CallAsync("get_binary_number", [100]);

        Assert.Equal("""["0b1100100"]""", reply["args"]!.ToJsonString());
        Assert.Equal(0, await cli.InterruptAsync());
    }
}

/// <summary>Long-running commands keep serving through a restart of the router (each test owns its fox-wamp).</summary>
public sealed class CliRestartTests
{
    [Fact]
    public async Task Subscribe_and_register_survive_a_router_restart()
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        var url = router.Url.ToString();
        await using var subscriber = CliProcess.Start("subscribe", "cli.restart.feed", "--url", url);
        await using var callee = CliProcess.Start("register", "cli.restart.echo", "--echo", "--url", url);
        await subscriber.WaitForStderrAsync("subscribed to cli.restart.feed");
        await callee.WaitForStderrAsync("registered cli.restart.echo");

        await router.StopAsync();
        await subscriber.WaitForStderrAsync("reconnecting");
        await router.InitializeAsync();
        await subscriber.WaitForStderrAsync("reconnected as session");
        await callee.WaitForStderrAsync("reconnected as session");

        await using var peer = await AutobahnPeer.StartAsync(router.Url, router.Realm);
        var reply = await peer.CallAsync("cli.restart.echo", ["after"]);
        await peer.PublishAsync("cli.restart.feed", ["after"]);

        Assert.Equal("""["after"]""", reply["args"]!.ToJsonString());
        var line = JsonNode.Parse(await subscriber.NextStdoutLineAsync())!;
        Assert.Equal("""["after"]""", line["args"]!.ToJsonString());
        Assert.Equal(0, await subscriber.InterruptAsync());
        Assert.Equal(0, await callee.InterruptAsync());
    }
}
