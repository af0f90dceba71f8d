using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Wampy.TestPeers;

namespace Wampy.Cli.Tests;

/// <summary>
/// The packages as a user would get them: `dotnet pack` of the built projects (no rebuild), then each .nupkg opened:
/// metadata, README, XML docs, symbols, the CLI as a dotnet tool, dependencies on the same version, no pack warning.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class PackagingTests
{
    private static readonly string[] Packages = ["Wampy.Protocol", "Wampy.Cryptosign", "Wampy.Hosting", "Wampy.Router", "Wampy.Testing", "Wampy.Cli"];

    [Fact]
    public async Task Every_package_carries_its_metadata_readme_docs_and_symbols()
    {
        var output = Path.Combine(Path.GetTempPath(), $"wampy-pack-{Guid.NewGuid():N}");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        try
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
            foreach (var argument in new[] { "pack", "Wampy.sln", "--no-build", "-c", configuration, "-o", output, "-p:VersionSuffix=packtest" })
            {
                info.ArgumentList.Add(argument);
            }

            using var pack = Process.Start(info)!;
            var stdout = pack.StandardOutput.ReadToEndAsync();
            var stderr = pack.StandardError.ReadToEndAsync();
            await pack.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            var log = await stdout + await stderr;
            Assert.True(pack.ExitCode == 0, log);
            Assert.DoesNotContain(": warning ", log, StringComparison.Ordinal);

            foreach (var id in Packages)
            {
                var nupkg = Path.Combine(output, $"{id}.0.1.0-packtest.nupkg");
                Assert.True(File.Exists(nupkg), $"{id}: no package in {string.Join(", ", Directory.GetFiles(output).Select(Path.GetFileName))}");
                Assert.True(File.Exists(Path.ChangeExtension(nupkg, ".snupkg")), $"{id}: no symbol package");
                using var zip = ZipFile.OpenRead(nupkg);
                var entries = zip.Entries.Select(e => e.FullName).ToList();
                Assert.Contains("README.md", entries);
                XNamespace ns = XNamespace.Get(XDocument.Load(zip.GetEntry($"{id}.nuspec")!.Open()).Root!.Name.NamespaceName);
                var metadata = XDocument.Load(zip.GetEntry($"{id}.nuspec")!.Open()).Root!.Element(ns + "metadata")!;
                Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
                Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
                Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value), id);
                Assert.Contains("wamp", metadata.Element(ns + "tags")?.Value ?? string.Empty, StringComparison.Ordinal);
                Assert.StartsWith("https://github.com/", metadata.Element(ns + "repository")?.Attribute("url")?.Value, StringComparison.Ordinal);
                foreach (var dependency in metadata.Descendants(ns + "dependency").Where(d => d.Attribute("id")!.Value.StartsWith("Wampy.", StringComparison.Ordinal)))
                {
                    Assert.Equal("0.1.0-packtest", dependency.Attribute("version")!.Value);
                }

                var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
                if (id is "Wampy.Protocol" or "Wampy.Hosting")
                {
                    // A client that does not use cryptosign carries no native code: NSec (libsodium) is in Wampy.Cryptosign only.
                    Assert.DoesNotContain("NSec.Cryptography", dependencies);
                }

                if (id == "Wampy.Hosting")
                {
                    // The handler source generator rides along as an analyzer, not as a dependency.
                    Assert.Contains("analyzers/dotnet/cs/Wampy.Hosting.Generators.dll", entries);
                    Assert.DoesNotContain(dependencies, d => d.Contains("Generators", StringComparison.Ordinal));
                }

                if (id == "Wampy.Cryptosign")
                {
                    Assert.Contains("NSec.Cryptography", dependencies);
                }

                if (id == "Wampy.Cli")
                {
                    Assert.Contains(entries, e => e.StartsWith("tools/net10.0/any/wampy.dll", StringComparison.Ordinal));
                    Assert.Equal("DotnetTool", metadata.Element(ns + "packageTypes")?.Element(ns + "packageType")?.Attribute("name")?.Value);
                }
                else
                {
                    Assert.Contains($"lib/net10.0/{id}.dll", entries);
                    Assert.Contains($"lib/net10.0/{id}.xml", entries);
                }
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}

/// <summary>Tests that run `dotnet pack` on the repository's projects: one at a time (pack writes into obj/).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackingCollection
{
    public const string Name = "Packing";
}
