using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Wampy.Router.Hosting;
using Wampy.Router.Transports;

namespace Microsoft.AspNetCore.Hosting;

/// <summary>Serves WAMP RawSocket on a Kestrel endpoint of an ASP.NET Core app.</summary>
public static class WampListenOptionsExtensions
{
    /// <summary>
    /// Makes this Kestrel endpoint a WAMP RawSocket endpoint of the router registered with
    /// <c>builder.Services.AddWampyRouter(...)</c>, beside the app's HTTP endpoints. Chain <c>UseHttps</c> before it for
    /// RawSocket over TLS. The router's connection limits apply to it.
    /// </summary>
    /// <param name="listenOptions">The endpoint, e.g. from <c>kestrel.ListenLocalhost(8081, ...)</c>.</param>
    /// <returns><paramref name="listenOptions"/>.</returns>
    /// <example>
    /// <code>
    /// builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(8081, listen => listen.UseWampRawSocket()));
    /// </code>
    /// </example>
    public static ListenOptions UseWampRawSocket(this ListenOptions listenOptions)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        var router = listenOptions.ApplicationServices.GetService<WampRouterHostedService>() ?? throw new InvalidOperationException(
            "UseWampRawSocket needs the router's services: call builder.Services.AddWampyRouter(...).");
        RawSocketConnectionHandler? handler = null;
        ConnectionLimiter? limiter = null;
        listenOptions.Run(async connection =>
        {
            if (router.Core is not { } core)
            {
                connection.Abort(new ConnectionAbortedException("The WAMP router is not running."));
                return;
            }

            handler ??= new RawSocketConnectionHandler(core);
            limiter ??= router.Limiter ?? new ConnectionLimiter(core);
            await limiter.Wrap(handler.OnConnectedAsync)(connection).ConfigureAwait(false);
        });
        return listenOptions;
    }
}
