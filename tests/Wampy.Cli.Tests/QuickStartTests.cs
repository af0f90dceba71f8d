using System.Diagnostics;
using System.Text.RegularExpressions;
using Wampy.TestPeers;

namespace Wampy.Cli.Tests;

/// <summary>
/// The README's first hour, as a new user lives it: the packages packed into a local folder, a new worker project
/// made of the README's quick-start files verbatim, restored from that folder, built, and run against `wampy router`
/// until it has called its own procedure. Bounded in time; the processes are stopped at the end.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed partial class QuickStartTests
{
    [GeneratedRegex("```(csharp|json)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    private static async Task<(int Code, string Output)> RunAsync(string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task The_readme_quick_start_runs_as_written_from_packed_packages()
    {
        var root = Path.Combine(Path.GetTempPath(), $"wampy-quickstart-{Guid.NewGuid():N}");
        var feed = Path.Combine(root, "feed");
        var project = Path.Combine(root, "MyWorker");
        Directory.CreateDirectory(project);
        // A fresh version every run, as the README advises: NuGet's global cache would otherwise serve an earlier pack.
        var suffix = $"quickstart.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        try
        {
            var (packed, packLog) = await RunAsync(RepositoryPaths.Root, "pack", "Wampy.sln", "--no-build", "-c", configuration, "-o", feed, $"-p:VersionSuffix={suffix}");
            Assert.True(packed == 0, packLog);

            // The quick start section, verbatim: Program.cs, the handler classes, the Reporter, appsettings.json.
            var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));
            var start = readme.IndexOf("## Quick start", StringComparison.Ordinal);
            var quickStart = readme[start..readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal)];
            var blocks = Block().Matches(quickStart).Select(m => (Language: m.Groups[1].Value, Code: m.Groups[2].Value)).ToList();
            var csharp = blocks.Where(b => b.Language == "csharp").Select(b => b.Code).ToList();
            await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), csharp[0]);
            await File.WriteAllTextAsync(Path.Combine(project, "Handlers.cs"), csharp[1]);
            await File.WriteAllTextAsync(Path.Combine(project, "Reporter.cs"), csharp[2]);
            await File.WriteAllTextAsync(Path.Combine(project, "appsettings.json"), blocks.First(b => b.Language == "json").Code);
            await File.WriteAllTextAsync(Path.Combine(project, "MyWorker.csproj"), $$"""
                <Project Sdk="Microsoft.NET.Sdk.Worker">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.0" />
                    <PackageReference Include="Wampy.Hosting" Version="0.1.0-{{suffix}}" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(root, "Directory.Build.props"), "<Project />"); // not the repository's
            await File.WriteAllTextAsync(Path.Combine(root, "Directory.Packages.props"), "<Project />");
            await File.WriteAllTextAsync(Path.Combine(root, "nuget.config"), $"""
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);

            var (built, buildLog) = await RunAsync(project, "build", "-c", "Debug", "--source", feed, "--source", "https://api.nuget.org/v3/index.json");
            Assert.True(built == 0, buildLog);

            // The README's appsettings point at ws://127.0.0.1:8080/ws; the test's router gets a free port instead.
            var port = FoxRouter.FreePort();
            await using var router = CliProcess.Start("router", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await router.WaitForStdoutAsync("wampy: router listening on");
            await using var worker = CliProcess.StartProgram(
                Path.Combine(project, "bin", "Debug", "net10.0", "MyWorker.dll"),
                new Dictionary<string, string> { ["Wampy__Url"] = $"ws://127.0.0.1:{port}/ws", ["DOTNET_ENVIRONMENT"] = "Production" },
                workingDirectory: project);

            await worker.WaitForStdoutAsync("get_binary_number(100) = 0b1100100");
            Assert.Equal(0, await worker.InterruptAsync());
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
                // This run's packages, restored into NuGet's global folder, go too.
                var global = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
                foreach (var version in Directory.Exists(global) ? Directory.GetDirectories(global, "wampy.*").Select(p => Path.Combine(p, $"0.1.0-{suffix}")) : [])
                {
                    if (Directory.Exists(version))
                    {
                        Directory.Delete(version, recursive: true);
                    }
                }
            }
            catch (IOException)
            {
            }
        }
    }
}
