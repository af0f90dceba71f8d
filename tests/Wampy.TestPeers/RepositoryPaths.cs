namespace Wampy.TestPeers;

/// <summary>Finds files of the repository from the test binaries' folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wampy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Wampy.sln not found above {AppContext.BaseDirectory}.");
    });

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>tests/router: the Node.js peers (fox-wamp router, Autobahn|JS client, scripted endpoint).</summary>
    public static string Peers => Path.Combine(Root, "tests", "router");
}
