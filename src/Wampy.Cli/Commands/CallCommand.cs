using System.CommandLine;

namespace Wampy.Cli.Commands;

/// <summary><c>wampy call &lt;procedure&gt; [args...]</c>: prints the result as JSON; with --progress, each progressive result on its own line first.</summary>
internal static class CallCommand
{
    public static Command Create(CommonOptions common)
    {
        var procedure = new Argument<string>("procedure") { Description = "The procedure URI" };
        var args = new Argument<string[]>("args") { Description = "Positional arguments: JSON when valid JSON, else strings", Arity = ArgumentArity.ZeroOrMore };
        var kw = KeywordOptions.Pairs();
        var json = KeywordOptions.Json();
        var progress = new Option<bool>("--progress") { Description = "Ask for progressive results and print each as it arrives" };
        var discloseMe = new Option<bool>("--disclose-me") { Description = "Ask the router to disclose this caller to the callee" };
        var full = new Option<bool>("--full") { Description = "Always print {\"args\":[...],\"kwargs\":{...}}, even for a single value" };
        var command = new Command("call", "Call a procedure and print its result as JSON") { procedure, args, kw, json, progress, discloseMe, full };
        command.SetAction(async (result, cancellationToken) =>
        {
            var uri = result.GetValue(procedure)!;
            WampUri.Validate(uri, strict: false, "procedure");
            var arguments = Payloads.Arguments(result.GetValue(args));
            var keywords = Payloads.KeywordArguments(result.GetValue(kw), result.GetValue(json));
            var (client, logging) = await ClientSession.ConnectAsync(common, result, cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            using (logging)
            {
                var options = new CallOptions { Timeout = common.TimeoutOf(result), DiscloseMe = result.GetValue(discloseMe) };
                if (result.GetValue(progress))
                {
                    await foreach (var item in client.StreamAsync(uri, arguments, keywords, options, cancellationToken).ConfigureAwait(false))
                    {
                        await Console.Out.WriteLineAsync(Payloads.Format(item, result.GetValue(full))).ConfigureAwait(false);
                    }
                }
                else
                {
                    var answer = await client.CallAsync(uri, arguments, keywords, options, cancellationToken).ConfigureAwait(false);
                    await Console.Out.WriteLineAsync(Payloads.Format(answer, result.GetValue(full))).ConfigureAwait(false);
                }

                await client.CloseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
