using System.CommandLine;
using System.Text.Json;
using System.Threading.Channels;

namespace Wampy.Cli.Commands;

/// <summary>
/// <c>wampy register &lt;procedure&gt; --echo | --return JSON | --error URI</c>: a quick stub callee that prints each
/// invocation as one JSON line until Ctrl+C (or --count invocations).
/// </summary>
internal static class RegisterCommand
{
    public static Command Create(CommonOptions common)
    {
        var procedure = new Argument<string>("procedure") { Description = "The procedure URI, or a pattern with --match" };
        var echo = new Option<bool>("--echo") { Description = "Return the call's arguments and keyword arguments" };
        var returns = new Option<string>("--return") { Description = "Return this JSON value" };
        var error = new Option<string>("--error") { Description = "Answer with this error URI" };
        var match = MatchOption.Create();
        var invoke = new Option<string>("--invoke") { Description = "Share the registration: single (default), roundrobin, random, first, last" };
        var count = new Option<int?>("--count") { Description = "Exit after this many invocations" };
        var command = new Command("register", "Register a stub procedure and print each invocation until Ctrl+C")
        {
            procedure, echo, returns, error, match, invoke, count,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var policy = MatchOption.Parse(result.GetValue(match));
            var uri = result.GetValue(procedure)!;
            WampUri.Validate(uri, policy, strict: false, "procedure");
            var answer = Answer(result.GetValue(echo), result.GetValue(returns), result.GetValue(error));
            var invokeText = result.GetValue(invoke);
            var invocationPolicy = WampWireNames.ParseInvocationPolicy(invokeText);
            if (invokeText is not null && invocationPolicy.ToWire() != invokeText)
            {
                throw new ArgumentException($"--invoke must be single, roundrobin, random, first or last; got '{invokeText}'.");
            }

            var (client, logging) = await ClientSession.ConnectAsync(common, result, cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            using (logging)
            {
                var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
                await using var registration = await client.RegisterAsync(uri, (invocation, _) =>
                {
                    var extra = new Dictionary<string, object?> { ["procedure"] = invocation.Procedure };
                    if (invocation.CallerSessionId is { } caller)
                    {
                        extra["caller"] = caller;
                    }

                    lines.Writer.TryWrite(Payloads.Format(invocation.Arguments, invocation.ArgumentsKw, extra));
                    return ValueTask.FromResult(answer(invocation));
                }, new RegisterOptions { Match = policy, Invoke = invocationPolicy }, cancellationToken).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"wampy: registered {uri} ({policy.ToWire()}); Ctrl+C to stop").ConfigureAwait(false);
                return await SubscribeCommand.PrintAsync(client, lines.Reader, result.GetValue(count), cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static Func<WampInvocation, WampResult> Answer(bool echo, string? returns, string? error)
    {
        if ((echo ? 1 : 0) + (returns is null ? 0 : 1) + (error is null ? 0 : 1) != 1)
        {
            throw new ArgumentException("register needs exactly one of --echo, --return JSON or --error URI.");
        }

        if (echo)
        {
            return static invocation => new WampResult(invocation.Arguments, invocation.ArgumentsKw);
        }

        if (error is not null)
        {
            WampUri.Validate(error, strict: false, "--error");
            return invocation => throw new WampException(error, $"stub error from wampy register for {invocation.Procedure}");
        }

        JsonElement value = Payloads.Json(returns!, "--return");
        return _ => WampResult.FromValue(value);
    }
}
