using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Wampy.Cli;

/// <summary>Connects a client for one command, with console logging when --verbose.</summary>
internal static class ClientSession
{
    public static async Task<(WampClient Client, ILoggerFactory Logging)> ConnectAsync(
        CommonOptions common, ParseResult result, CancellationToken cancellationToken)
    {
        var options = common.ClientOptions(result);
        var logging = LoggerFactory.Create(builder =>
        {
            builder.AddSimpleConsole(o => o.SingleLine = true);
            builder.AddFilter(_ => result.GetValue(common.Verbose));
            builder.SetMinimumLevel(LogLevel.Trace); // -v: frame by frame (types and request ids, never payloads)
        });
        var client = new WampClient(options, logging);
        // Long-running commands (subscribe, register) survive a router restart: the client rejoins and restores.
        client.Reconnecting += (_, e) =>
        {
            if (e.Attempt == 1)
            {
                Console.Error.WriteLine($"wampy: the session was lost ({e.Error?.Message}); reconnecting");
            }
        };
        client.Reconnected += (_, e) => Console.Error.WriteLine($"wampy: reconnected as session {e.SessionId}");
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return (client, logging);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            logging.Dispose();
            throw;
        }
    }
}
