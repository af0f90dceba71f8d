using System.CommandLine;

namespace Wampy.Cli.Commands;

/// <summary>The <c>--kw key=value</c> and <c>--json '{...}'</c> options of commands that send keyword arguments.</summary>
internal static class KeywordOptions
{
    public static Option<string[]> Pairs() => new("--kw")
    {
        Description = "A keyword argument key=value (value parsed like positional arguments); repeatable",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string> Json() => new("--json") { Description = "Keyword arguments as one JSON object" };
}
