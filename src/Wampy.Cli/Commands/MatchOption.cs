using System.CommandLine;

namespace Wampy.Cli.Commands;

/// <summary>The <c>--match exact|prefix|wildcard</c> option.</summary>
internal static class MatchOption
{
    public static Option<string> Create() => new("--match") { Description = "exact (default), prefix or wildcard" };

    public static WampMatch Parse(string? value) =>
        WampWireNames.TryParseMatch(value, out var match) ? match : throw new ArgumentException($"--match must be exact, prefix or wildcard; got '{value}'.");
}
