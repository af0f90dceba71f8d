using System.Globalization;
using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Cli.Tests;

/// <summary>
/// The WebDashboard sample end to end in a real browser: the built app (router mapped at /ws, its own Wampy session,
/// the live publisher) and headless Chromium (Debian's package, driven by playwright-core) opening its page.
/// The screenshot is kept in artifacts/screenshots/.
/// </summary>
public sealed class WebDashboardBrowserTests
{
    private static string ChromiumPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
            Assert.True(File.Exists(path), $"The browser test needs Chromium at {path}: apt-get install chromium (.ci/run installs it), or set CHROMIUM_PATH.");
            return path;
        }
    }

    [Fact]
    public async Task The_page_shows_live_updates_and_a_call_result_in_headless_chromium()
    {
        var chromium = ChromiumPath;
        var port = FoxRouter.FreePort().ToString(CultureInfo.InvariantCulture);
        await using var app = CliProcess.StartProgram(CliProcess.WebDashboardPath, new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Wampy__Url"] = $"ws://127.0.0.1:{port}/ws",
            ["Wampy__Reconnect__InitialDelay"] = "00:00:00.100",
            ["Logging__Console__FormatterName"] = "simple",
        }, CliProcess.WebDashboardDirectory);
        await app.WaitForStdoutAsync("Handlers ready in realm realm1");

        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots"));
        var screenshot = Path.Combine(screenshots.FullName, "web-dashboard.png");
        File.Delete(screenshot);
        await using var browser = NodeProcess.Start("browser.js", $"http://127.0.0.1:{port}/", screenshot, chromium);
        var line = await browser.WaitForLineAsync(static l => l.StartsWith('{'), TimeSpan.FromSeconds(90));
        var shown = JsonNode.Parse(line)!.AsObject();

        Assert.False(shown.ContainsKey("failed"), $"{line}\n{browser.StandardError}\n{app.Stdout}");
        Assert.True(shown["updates"]!.GetValue<int>() >= 3, line);
        Assert.True(shown["rows"]!.GetValue<int>() >= 3, line);
        Assert.Matches(@"^\d+\.\d\d$", shown["latest"]!.GetValue<string>());
        Assert.Equal("0b1100100", shown["result"]!.GetValue<string>());
        Assert.StartsWith("joined realm1 as ", shown["status"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(shown["errors"]!.AsArray());
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot was not saved");
        Assert.DoesNotContain("fail:", app.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", app.Stdout, StringComparison.Ordinal);
    }
}
