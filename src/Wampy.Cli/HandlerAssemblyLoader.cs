using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace Wampy.Cli;

/// <summary>
/// Loads the assembly whose handler classes <c>wampy run</c> hosts: a built .dll, or a project (or its directory) that
/// is built first. Wampy and Microsoft.Extensions come from the CLI itself so that attributes and interfaces match;
/// the assembly's other dependencies come from its own output folder.
/// </summary>
internal static class HandlerAssemblyLoader
{
    public static async Task<Assembly> LoadAsync(string path, TextWriter log, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var assemblyPath = full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? full
            : await BuildAsync(ProjectOf(full), log, cancellationToken);
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"'{assemblyPath}' does not exist.", assemblyPath);
        }

        return new HandlerLoadContext(assemblyPath).LoadFromAssemblyPath(assemblyPath);
    }

    private static string ProjectOf(string path)
    {
        if (path.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
        {
            return path;
        }

        if (Directory.Exists(path) && Directory.GetFiles(path, "*.csproj") is [var project])
        {
            return project;
        }

        throw new ArgumentException($"'{path}' is neither a .dll, a project file, nor a directory with exactly one .csproj.");
    }

    private static async Task<string> BuildAsync(string project, TextWriter log, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"wampy: building {project}");
        await RunDotnetAsync(["build", project, "-c", "Release", "--nologo", "-v", "quiet"], cancellationToken);
        var targetPath = await RunDotnetAsync(["msbuild", project, "-getProperty:TargetPath", "-p:Configuration=Release", "-nologo"], cancellationToken);
        return targetPath.Trim();
    }

    private static async Task<string> RunDotnetAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidDataException($"dotnet {arguments[0]} failed (exit code {process.ExitCode}): {(await output).Trim()} {(await error).Trim()}".Trim());
        }

        return await output;
    }

    private sealed class HandlerLoadContext(string assemblyPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(assemblyPath))
    {
        private readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

        protected override Assembly? Load(AssemblyName name)
        {
            // Shared with the CLI: the same Wampy attribute and hosting types on both sides.
            if (name.Name is { } simple && (simple.StartsWith("Wampy.", StringComparison.Ordinal) || simple.StartsWith("Microsoft.", StringComparison.Ordinal) ||
                simple.StartsWith("System.", StringComparison.Ordinal) || simple is "NSec.Cryptography" or "MessagePack" or "Polly.Core"))
            {
                return null;
            }

            return _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
