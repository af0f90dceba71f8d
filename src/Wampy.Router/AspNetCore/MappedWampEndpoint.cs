using Microsoft.AspNetCore.Http;
using Wampy.Router.Hosting;
using Wampy.Router.Transports;

namespace Wampy.Router.AspNetCore;

/// <summary>The request delegate behind one <c>MapWamp</c> endpoint: the router's WebSocket endpoint once the router runs.</summary>
internal sealed class MappedWampEndpoint(WampRouterHostedService router, WampEndpointOptions options)
{
    private WebSocketEndpoint? _endpoint;

    public Task HandleAsync(HttpContext context)
    {
        if (router.Core is not { } core)
        {
            context.Response.StatusCode = router.Enabled ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status404NotFound;
            return context.Response.WriteAsync(router.Enabled ? "The WAMP router has not started." : "The WAMP router is disabled (WampyRouter:Enabled).", context.RequestAborted);
        }

        _endpoint ??= new WebSocketEndpoint(core, router.Limiter, path: null, options);
        return _endpoint.HandleAsync(context);
    }
}
