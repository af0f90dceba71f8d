using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wampy.Hosting;

namespace Wampy.Cli.Commands;

/// <summary>
/// <c>wampy run &lt;assembly-or-project&gt;</c>: hosts the handler classes of a built assembly in a generic host (the
/// counterpart of wampy's <c>wampy run module:Class</c>) until Ctrl+C.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CommonOptions common)
    {
        var target = new Argument<string>("assembly-or-project") { Description = "A built .dll, a project file, or a directory with one project" };
        var config = new Option<string>("--config") { Description = "An appsettings-style JSON file with a Wampy section; --url and --realm override it" };
        var command = new Command("run", "Host the WAMP handler classes of an assembly until Ctrl+C") { target, config };
        command.SetAction(async (result, cancellationToken) =>
        {
            var assembly = await HandlerAssemblyLoader.LoadAsync(result.GetValue(target)!, Console.Error, cancellationToken);
            // The handlers' own folder is the content root (not the tool's install folder), so its appsettings.json is found.
            var contentRoot = Path.GetDirectoryName(assembly.Location)!;
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = contentRoot });
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(result.GetValue(common.Verbose) ? LogLevel.Debug : LogLevel.Information);
            if (result.GetValue(config) is { } path)
            {
                builder.Configuration.AddJsonFile(Path.GetFullPath(path), optional: false);
            }
            else
            {
                builder.Configuration.AddJsonFile(Path.Combine(contentRoot, "appsettings.json"), optional: true);
            }

            builder.Services.AddSingleton(TimeProvider.System);
            var section = builder.Configuration.GetSection(WampyOptions.SectionName);
            var client = common.ClientOptions(result); // validates --url and the credentials given on the command line
            builder.Services.AddWampy(section)
                .Configure(o =>
                {
                    if (RouterCommand.Given(result, common.Url) || section["Url"] is null)
                    {
                        o.Url = client.Url;
                    }

                    if (RouterCommand.Given(result, common.Realm) || section["Realm"] is null)
                    {
                        o.Realm = client.Realm;
                    }

                    foreach (var authenticator in client.Authenticators)
                    {
                        o.Authenticators.Add(authenticator);
                    }

                    o.Authentication.AuthId ??= client.Authentication.AuthId;
                })
                .AddHandlersFromAssembly(assembly);
            using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            await Console.Error.WriteLineAsync($"wampy: hosting the handlers of {assembly.GetName().Name}; Ctrl+C to stop");
            await host.WaitForShutdownAsync(cancellationToken);
            await host.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }
}
