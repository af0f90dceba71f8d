using System.Diagnostics;
using System.Globalization;

namespace WorkerService;

/// <summary>
/// Development only: runs the fox-wamp router (tests/router, Node.js) on the configured port so that
/// <c>dotnet run</c> works with nothing else running. Installs its npm packages on first use. Point
/// <c>Wampy:Url</c> at your own router (Crossbar.io, Bondy) and set <c>DevelopmentRouter:Enabled</c> to false in production.
/// </summary>
public sealed partial class DevelopmentRouter(IConfiguration configuration, IHostEnvironment environment, ILogger<DevelopmentRouter> logger) : IHostedService, IDisposable
{
    private Process? _router;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var peers = FindPeers(environment.ContentRootPath);
        var port = configuration.GetValue("DevelopmentRouter:Port", 8080);
        if (!File.Exists(Path.Combine(peers, "node_modules", ".package-lock.json")))
        {
            LogInstalling(logger, peers);
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = peers })!;
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"'npm ci' failed in {peers} (exit code {npm.ExitCode}); is Node.js installed?");
            }
        }

        // On Linux the router runs in a session of its own, so that Ctrl+C reaches the worker first: the worker says
        // GOODBYE, then stops the router. It also exits by itself when this process goes away (its stdin closes).
        var setsid = OperatingSystem.IsLinux() && File.Exists("/usr/bin/setsid");
        var info = new ProcessStartInfo(setsid ? "/usr/bin/setsid" : "node") { WorkingDirectory = peers, RedirectStandardOutput = true, RedirectStandardInput = true };
        if (setsid)
        {
            info.ArgumentList.Add("node");
        }

        info.ArgumentList.Add("router.js");
        info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        _router = Process.Start(info)!;
        var line = await _router.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        if (line is null || !line.StartsWith("LISTENING", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The development router did not start on port {port} (is the port free?).");
        }

        LogStarted(logger, port);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_router is { HasExited: false })
        {
            _router.Kill(entireProcessTree: true);
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _router?.Dispose();

    private static string FindPeers(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "router");
            if (File.Exists(Path.Combine(candidate, "router.js")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"tests/router (the development router) was not found above {start}.");
    }

    [LoggerMessage(LogLevel.Information, "Installing the development router's npm packages in {Directory}")]
    private static partial void LogInstalling(ILogger logger, string directory);

    [LoggerMessage(LogLevel.Information, "Development router (fox-wamp) listening on ws://127.0.0.1:{Port}")]
    private static partial void LogStarted(ILogger logger, int port);
}
