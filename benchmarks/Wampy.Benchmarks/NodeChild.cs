using System.Diagnostics;
using System.Threading.Channels;

namespace Wampy.Benchmarks;

/// <summary>A Node.js script from tests/router run as a child process, killed on dispose.</summary>
internal sealed class NodeChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    private NodeChild(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
    }

    public static Task<NodeChild> StartAsync(string script, params string[] arguments)
    {
        var peers = FindPeers();
        if (!Directory.Exists(Path.Combine(peers, "node_modules")))
        {
            throw new InvalidOperationException($"Run 'npm ci' in {peers} first (dotnet test does it).");
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = peers, RedirectStandardOutput = true, RedirectStandardInput = true };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var child = new NodeChild(process);
        process.BeginOutputReadLine();
        return Task.FromResult(child);
    }

    public async Task<string> ReadLineAsync(Func<string, bool> predicate)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await foreach (var line in _lines.Reader.ReadAllAsync(cts.Token))
        {
            if (predicate(line))
            {
                return line;
            }
        }

        throw new InvalidOperationException("The Node.js process ended without the expected output.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string FindPeers()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "router");
            if (File.Exists(Path.Combine(candidate, "router.js")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/router not found above the benchmark binaries.");
    }
}
