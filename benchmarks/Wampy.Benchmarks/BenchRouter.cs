using System.Diagnostics;
using System.Globalization;
using Wampy.TestPeers;

namespace Wampy.Benchmarks;

/// <summary>A router for the round-trip benchmark, in a process of its own: fox-wamp (Node.js) or Wampy.Router (this program in <c>router</c> mode).</summary>
internal sealed class BenchRouter : IAsyncDisposable
{
    private readonly Func<ValueTask> _stop;
    private readonly int _processId;

    private BenchRouter(string name, Uri url, int processId, Func<ValueTask> stop)
    {
        Name = name;
        Url = url;
        _processId = processId;
        _stop = stop;
    }

    public string Name { get; }

    public Uri Url { get; }

    /// <summary>Starts the router <paramref name="name"/> (<c>fox</c> or <c>wampy</c>).</summary>
    /// <param name="name">Which router.</param>
    /// <param name="environment">Variables set for Wampy.Router's process only (<c>--router-env</c>), e.g. to measure a runtime switch on the client alone.</param>
    public static async Task<BenchRouter> StartAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        if (name == "fox")
        {
            var fox = new FoxRouter();
            await fox.InitializeAsync();
            return new BenchRouter("fox-wamp", fox.Url, fox.Process.Id, () => new ValueTask(fox.DisposeAsync()));
        }

        var port = FoxRouter.FreePort();
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(BenchRouter).Assembly.Location);
        }

        foreach (var (variable, value) in environment)
        {
            info.Environment[variable] = value;
        }

        info.ArgumentList.Add("router");
        info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(info)!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready is null || !ready.StartsWith("ws://", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"Wampy.Router did not start: {ready}");
        }

        return new BenchRouter("Wampy.Router", new Uri(ready), process.Id, async () =>
        {
            process.StandardOutput.Close();
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        });
    }

    /// <summary>CPU time the router process has used so far.</summary>
    public TimeSpan Cpu()
    {
        using var process = Process.GetProcessById(_processId);
        return process.TotalProcessorTime;
    }

    public ValueTask DisposeAsync() => _stop();
}
