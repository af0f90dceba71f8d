using Microsoft.AspNetCore.Http;
using Wampy.Router.Authentication;
using Wampy.Router.Diagnostics;
using Wampy.Router.Realms;

namespace Wampy.Router.Transports;

/// <summary>
/// The HTTP side of the WebSocket endpoint: origin check, subprotocol negotiation, then a session per connection.
/// It serves the router's own listener (<paramref name="path"/> set: other paths get 404) and endpoints mapped into an
/// app with <c>MapWamp</c> (<paramref name="path"/> <see langword="null"/>: routing chose the path; the per-address
/// cap is counted here, since the app's Kestrel does not count for the router).
/// </summary>
internal sealed class WebSocketEndpoint(RouterCore core, ConnectionLimiter? perAddress, string? path, WampEndpointOptions? endpoint)
{
    public async Task HandleAsync(HttpContext context)
    {
        var peer = context.Connection.RemoteIpAddress is { } address ? $"{address}:{context.Connection.RemotePort}" : "unknown";
        if (path is not null && !context.Request.Path.Equals(path, StringComparison.Ordinal))
        {
            await RefuseAsync(context, peer, StatusCodes.Status404NotFound, $"The WAMP endpoint is at {path}.").ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, peer, StatusCodes.Status426UpgradeRequired, "This is a WAMP WebSocket endpoint: connect with a WebSocket client.").ConfigureAwait(false);
            return;
        }

        if (!OriginPolicy.Allows(context.Request, core.Options.AllowedOrigins, out var origin))
        {
            Log.OriginRefused(core.Logger, peer, origin);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync(
                $"Origin {origin} may not open a WAMP session here; the server lists the origins it allows in WampyRouter:AllowedOrigins.",
                context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var serializer = context.WebSockets.WebSocketRequestedProtocols.Select(core.FindSerializer).FirstOrDefault(s => s is not null);
        if (serializer is null)
        {
            var offered = string.Join(", ", context.WebSockets.WebSocketRequestedProtocols);
            var supported = string.Join(", ", core.Serializers.Select(s => s.Subprotocol));
            await RefuseAsync(context, peer, StatusCodes.Status400BadRequest,
                $"None of the requested subprotocols ({(offered.Length == 0 ? "none" : offered)}) is supported; this router speaks {supported}.").ConfigureAwait(false);
            return;
        }

        if (core.IsStopping)
        {
            await RefuseAsync(context, peer, StatusCodes.Status503ServiceUnavailable, "The router is shutting down.").ConfigureAwait(false);
            return;
        }

        if (perAddress is null)
        {
            await AcceptAsync(context, serializer, peer).ConfigureAwait(false);
            return;
        }

        var remote = context.Connection.RemoteIpAddress;
        try
        {
            if (!perAddress.TryEnter(remote))
            {
                await RefuseAsync(context, peer, StatusCodes.Status503ServiceUnavailable, "Too many connections from this address.").ConfigureAwait(false);
                return;
            }

            if (core.ConnectionCount >= core.Options.MaxConnections)
            {
                await RefuseAsync(context, peer, StatusCodes.Status503ServiceUnavailable, "The router has as many connections as it accepts.").ConfigureAwait(false);
                return;
            }

            await AcceptAsync(context, serializer, peer).ConfigureAwait(false);
        }
        finally
        {
            perAddress.Leave(remote);
        }
    }

    private async Task AcceptAsync(HttpContext context, Serialization.IWampSerializer serializer, string peer)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = serializer.Subprotocol,
            KeepAliveInterval = core.Options.KeepAliveInterval,
        }).ConfigureAwait(false);
        var identity = endpoint?.IdentifyUser is { } identify
            ? new TransportIdentity(endpoint.IdentityAuthMethod, realm => identify(context, realm))
            : null;
        await core.RunSessionAsync(new WebSocketRouterConnection(socket, serializer, peer, core.Options.MaxMessageSize), identity).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, string peer, int status, string reason)
    {
        Log.WebSocketRefused(core.Logger, peer, reason);
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(reason, context.RequestAborted).ConfigureAwait(false);
    }
}
