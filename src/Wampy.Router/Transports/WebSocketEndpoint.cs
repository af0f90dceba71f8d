using Microsoft.AspNetCore.Http;
using Wampy.Router.Diagnostics;
using Wampy.Router.Realms;

namespace Wampy.Router.Transports;

/// <summary>The HTTP side of the WebSocket endpoint: subprotocol negotiation, then a session per connection.</summary>
internal sealed class WebSocketEndpoint(RouterCore core)
{
    public async Task HandleAsync(HttpContext context)
    {
        var peer = context.Connection.RemoteIpAddress is { } address ? $"{address}:{context.Connection.RemotePort}" : "unknown";
        if (!context.Request.Path.Equals(core.Options.WebSocketPath, StringComparison.Ordinal))
        {
            await RefuseAsync(context, peer, StatusCodes.Status404NotFound, $"The WAMP endpoint is at {core.Options.WebSocketPath}.").ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, peer, StatusCodes.Status426UpgradeRequired, "This is a WAMP WebSocket endpoint: connect with a WebSocket client.").ConfigureAwait(false);
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

        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = serializer.Subprotocol,
            KeepAliveInterval = core.Options.KeepAliveInterval,
        }).ConfigureAwait(false);
        await core.RunSessionAsync(new WebSocketRouterConnection(socket, serializer, peer, core.Options.MaxMessageSize)).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, string peer, int status, string reason)
    {
        Log.WebSocketRefused(core.Logger, peer, reason);
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(reason, context.RequestAborted).ConfigureAwait(false);
    }
}
