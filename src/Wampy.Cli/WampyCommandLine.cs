using System.CommandLine;
using Wampy.Cli.Commands;

namespace Wampy.Cli;

/// <summary>The <c>wampy</c> command line: parsing, dispatch, and failures turned into one line and an exit code.</summary>
internal static class WampyCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var common = new CommonOptions();
        var root = new RootCommand("wampy: call, publish, subscribe, register stubs, run a WAMP router, and host handler classes, from the terminal.")
        {
            CallCommand.Create(common),
            PublishCommand.Create(common),
            SubscribeCommand.Create(common),
            RegisterCommand.Create(common),
            RouterCommand.Create(common),
            RunCommand.Create(common),
        };
        common.AddTo(root);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"wampy: {error.Message}");
            }

            await Console.Error.WriteLineAsync("wampy: see 'wampy --help'");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            return CliFailure.Report(ex, parsed.GetValue(common.Verbose), Console.Error);
        }
    }
}
