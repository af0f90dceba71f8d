using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Wampy.Router;

namespace Wampy.Cli.Commands;

/// <summary><c>wampy router</c>: runs the embedded router until Ctrl+C.</summary>
internal static class RouterCommand
{
    /// <summary>Whether the option was typed on the command line (not merely defaulted).</summary>
    public static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    public static Command Create(CommonOptions common)
    {
        var port = new Option<int>("--port") { Description = "WebSocket port (0: a free one)", DefaultValueFactory = _ => 8080 };
        port.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError($"--port must be between 0 and 65535; got {result.GetValueOrDefault<int>()}.");
            }
        });
        var rawSocketPort = new Option<int?>("--rawsocket-port") { Description = "Also listen for RawSocket on this port" };
        var listen = new Option<string>("--listen") { Description = "Address to listen on: 127.0.0.1 (default), localhost, an IP, or *", DefaultValueFactory = _ => "127.0.0.1" };
        var config = new Option<string>("--config") { Description = "A JSON file with a WampyRouter section (realms, users, roles); options given here override it" };
        var tlsCertificate = new Option<string>("--tls-cert") { Description = "Server certificate (PEM with --tls-key, or PFX): serve wss:// and tls://" };
        var tlsKey = new Option<string>("--tls-key") { Description = "PEM private key of --tls-cert" };
        var command = new Command("router", "Run the embedded WAMP router until Ctrl+C") { port, rawSocketPort, listen, config, tlsCertificate, tlsKey };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new WampRouterOptions();
            if (result.GetValue(config) is { } path)
            {
                new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false).Build().GetSection("WampyRouter").Bind(options);
            }

            // Options given on the command line override the file; their defaults do not (System.CommandLine
            // reports an option with a default value as present, marked Implicit).
            if (Given(result, port) || result.GetValue(config) is null)
            {
                options.Port = result.GetValue(port);
            }

            if (Given(result, listen) || result.GetValue(config) is null)
            {
                options.ListenAddress = result.GetValue(listen)!;
            }

            if (result.GetValue(tlsCertificate) is { } certificate)
            {
                options.Tls.CertificatePath = Path.GetFullPath(certificate);
                options.Tls.KeyPath = result.GetValue(tlsKey) is { } key ? Path.GetFullPath(key) : null;
            }

            options.RawSocketPort = result.GetValue(rawSocketPort) ?? options.RawSocketPort;
            if (Given(result, common.Realm) && !options.Realms.Exists(r => r.Name == result.GetValue(common.Realm)))
            {
                // --realm, when given, adds one realm open to anonymous clients; without --config and --realm the
                // router serves realm1 to anonymous clients; with --config, only the file's realms exist.
                options.Realms.Add(new WampRealmOptions { Name = result.GetValue(common.Realm)! });
            }

            using var logging = LoggerFactory.Create(builder => builder
                .AddSimpleConsole(o => o.SingleLine = true)
                .SetMinimumLevel(result.GetValue(common.Verbose) ? LogLevel.Debug : LogLevel.Information));
            WampRouter router;
            try
            {
                router = await WampRouter.StartAsync(options, logging, cancellationToken);
            }
            catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse } || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"wampy: port {options.Port} is already in use on {options.ListenAddress} (--port); choose another, or 0 for a free one");
                return ExitCodes.BadInput;
            }

            await using var routerScope = router;
            await Console.Out.WriteLineAsync($"wampy: router listening on {router.Url}{(router.RawSocketUrl is null ? "" : $" and {router.RawSocketUrl}")}; realms {string.Join(", ", router.Realms)}; Ctrl+C to stop");
            await Console.Out.FlushAsync(CancellationToken.None);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop and say GOODBYE to every session.
            }

            await router.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }
}
