using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Wampy.TestPeers;

namespace Wampy.Cli.Tests;

/// <summary>The wampy command run as a process, as a user runs it: arguments in, lines and an exit code out.</summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _stdout = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _stderr = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _allStdout = new();
    private readonly StringBuilder _allStderr = new();

    private CliProcess(Process process) => _process = process;

    /// <summary>The built CLI next to the test's own configuration (Debug or Release).</summary>
    public static string CliPath
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepositoryPaths.Root, "src", "Wampy.Cli", "bin", configuration, "net10.0", "wampy.dll");
        }
    }

    /// <summary>The built sample worker, for <c>wampy run</c>.</summary>
    public static string SamplePath => CliPath
        .Replace(Path.Combine("src", "Wampy.Cli"), Path.Combine("samples", "WorkerService"), StringComparison.Ordinal)
        .Replace("wampy.dll", "WorkerService.dll", StringComparison.Ordinal);

    /// <summary>The built WebDashboard sample (run it in <see cref="WebDashboardDirectory"/>, its content root).</summary>
    public static string WebDashboardPath => CliPath
        .Replace(Path.Combine("src", "Wampy.Cli"), Path.Combine("samples", "WebDashboard"), StringComparison.Ordinal)
        .Replace("wampy.dll", "WebDashboard.dll", StringComparison.Ordinal);

    /// <summary>samples/WebDashboard: appsettings.json and wwwroot.</summary>
    public static string WebDashboardDirectory => Path.Combine(RepositoryPaths.Root, "samples", "WebDashboard");

    /// <summary>The process id (to read its memory from /proc).</summary>
    public int ProcessId => _process.Id;

    public string Stdout
    {
        get
        {
            lock (_allStdout)
            {
                return _allStdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_allStderr)
            {
                return _allStderr.ToString();
            }
        }
    }

    public static CliProcess Start(params string[] arguments) => Start(null, arguments);

    public static CliProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        StartProgram(CliPath, environment, arguments);

    /// <summary>Runs the built sample worker (<c>dotnet WorkerService.dll</c>) with extra environment variables.</summary>
    public static CliProcess StartSample(IReadOnlyDictionary<string, string> environment) => StartProgram(SamplePath, environment, []);

    /// <summary>Runs a built program (<c>dotnet program.dll</c>) in <paramref name="workingDirectory"/>.</summary>
    public static CliProcess StartProgram(string program, IReadOnlyDictionary<string, string>? environment, string workingDirectory) =>
        StartProgram(program, environment, [], workingDirectory);

    private static CliProcess StartProgram(string program, IReadOnlyDictionary<string, string>? environment, string[] arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Received(e.Data, cli._stdout, cli._allStdout);
        process.ErrorDataReceived += (_, e) => cli.Received(e.Data, cli._stderr, cli._allStderr);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs the command to its end and returns the exit code.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        await using var cli = Start(arguments);
        var code = await cli.WaitForExitAsync();
        return (code, cli.Stdout, cli.Stderr);
    }

    public Task<string> NextStdoutLineAsync() => NextAsync(_stdout, "standard output");

    public async Task<string> WaitForStderrAsync(string fragment)
    {
        while (true)
        {
            var line = await NextAsync(_stderr, "standard error");
            if (line.Contains(fragment, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    /// <summary>Reads standard output until a line contains <paramref name="fragment"/> (bounded like every wait).</summary>
    public async Task<string> WaitForStdoutAsync(string fragment)
    {
        while (true)
        {
            var line = await NextAsync(_stdout, "standard output");
            if (line.Contains(fragment, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    /// <summary>Kills the process at once, as a crashed or evicted replica goes.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Ctrl+C, as a user stops subscribe, register and router.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Received(string? line, Channel<string> lines, StringBuilder all)
    {
        if (line is null)
        {
            lines.Writer.TryComplete();
            return;
        }

        lock (all)
        {
            all.AppendLine(line);
        }

        lines.Writer.TryWrite(line);
    }

    private async Task<string> NextAsync(Channel<string> lines, string stream)
    {
        using var timeout = new CancellationTokenSource(TaskTimeouts.Default);
        try
        {
            return await lines.Reader.ReadAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            throw new InvalidOperationException($"No more lines on {stream}. stdout: {Stdout} stderr: {Stderr}", ex);
        }
    }
}
