using System.CommandLine;

namespace Wampy.Cli.Commands;

/// <summary><c>wampy publish &lt;topic&gt; [args...]</c>: publishes once; with --acknowledge, prints the publication id.</summary>
internal static class PublishCommand
{
    public static Command Create(CommonOptions common)
    {
        var topic = new Argument<string>("topic") { Description = "The topic URI" };
        var args = new Argument<string[]>("args") { Description = "Positional arguments: JSON when valid JSON, else strings", Arity = ArgumentArity.ZeroOrMore };
        var kw = KeywordOptions.Pairs();
        var json = KeywordOptions.Json();
        var acknowledge = new Option<bool>("--acknowledge") { Description = "Wait for the broker's acknowledgement and print the publication id" };
        var retain = new Option<bool>("--retain") { Description = "Ask the broker to retain the event for later subscribers" };
        var discloseMe = new Option<bool>("--disclose-me") { Description = "Ask the broker to disclose this publisher to subscribers" };
        var command = new Command("publish", "Publish an event") { topic, args, kw, json, acknowledge, retain, discloseMe };
        command.SetAction(async (result, cancellationToken) =>
        {
            var uri = result.GetValue(topic)!;
            WampUri.Validate(uri, strict: false, "topic");
            var arguments = Payloads.Arguments(result.GetValue(args));
            var keywords = Payloads.KeywordArguments(result.GetValue(kw), result.GetValue(json));
            var (client, logging) = await ClientSession.ConnectAsync(common, result, cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            using (logging)
            {
                var options = new PublishOptions
                {
                    // Without acknowledgement the CLI still waits for PUBLISHED, so that the event has left before it exits.
                    Acknowledge = true,
                    Retain = result.GetValue(retain),
                    DiscloseMe = result.GetValue(discloseMe),
                };
                var publication = await client.PublishAsync(uri, arguments, keywords, options, cancellationToken)
                    .WaitAsync(common.TimeoutOf(result), cancellationToken).ConfigureAwait(false);
                if (result.GetValue(acknowledge))
                {
                    await Console.Out.WriteLineAsync(publication?.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
                }

                await client.CloseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
