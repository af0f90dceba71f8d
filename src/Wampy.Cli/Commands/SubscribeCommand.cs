using System.CommandLine;
using System.Threading.Channels;

namespace Wampy.Cli.Commands;

/// <summary><c>wampy subscribe &lt;topic&gt;</c>: prints each event as one JSON line until Ctrl+C (or --count events).</summary>
internal static class SubscribeCommand
{
    public static Command Create(CommonOptions common)
    {
        var topic = new Argument<string>("topic") { Description = "The topic URI, or a pattern with --match" };
        var match = MatchOption.Create();
        var count = new Option<int?>("--count") { Description = "Exit after this many events" };
        var retained = new Option<bool>("--get-retained") { Description = "Ask for the retained event first" };
        var command = new Command("subscribe", "Print each event of a topic as one JSON line until Ctrl+C") { topic, match, count, retained };
        command.SetAction(async (result, cancellationToken) =>
        {
            var policy = MatchOption.Parse(result.GetValue(match));
            var uri = result.GetValue(topic)!;
            WampUri.Validate(uri, policy, strict: false, "topic");
            var limit = result.GetValue(count);
            var (client, logging) = await ClientSession.ConnectAsync(common, result, cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            using (logging)
            {
                var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
                var options = new SubscribeOptions { Match = policy, GetRetained = result.GetValue(retained) };
                await using var subscription = await client.SubscribeAsync(uri, (e, _) =>
                {
                    var extra = new Dictionary<string, object?> { ["topic"] = e.Topic, ["publication"] = e.PublicationId };
                    if (e.PublisherSessionId is { } publisher)
                    {
                        extra["publisher"] = publisher;
                    }

                    lines.Writer.TryWrite(Payloads.Format(e.Arguments, e.ArgumentsKw, extra));
                    return ValueTask.CompletedTask;
                }, options, cancellationToken).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"wampy: subscribed to {uri} ({policy.ToWire()}); Ctrl+C to stop").ConfigureAwait(false);
                return await PrintAsync(client, lines.Reader, limit, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>Prints lines until the limit, Ctrl+C (a normal end: exit 0) or the session ending (exit 3).</summary>
    public static async Task<int> PrintAsync(WampClient client, ChannelReader<string> lines, int? limit, CancellationToken cancellationToken)
    {
        var closed = new TaskCompletionSource<WampSessionClosedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Closed += (_, e) => closed.TrySetResult(e);
        var printed = 0;
        try
        {
            while (limit is null || printed < limit)
            {
                var next = lines.ReadAsync(cancellationToken).AsTask();
                if (await Task.WhenAny(next, closed.Task).ConfigureAwait(false) == closed.Task)
                {
                    await Console.Error.WriteLineAsync($"wampy: the session ended: {closed.Task.Result.Reason} {closed.Task.Result.Message}").ConfigureAwait(false);
                    return ExitCodes.Unreachable;
                }

                await Console.Out.WriteLineAsync(await next.ConfigureAwait(false)).ConfigureAwait(false);
                await Console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                printed++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how this command is meant to end.
        }

        await client.CloseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
