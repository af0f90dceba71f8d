using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wampy.Router;
using Wampy.Router.AspNetCore;
using Wampy.Router.Authentication;
using Wampy.Router.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves the embedded WAMP router from an ASP.NET Core app's own pipeline.</summary>
public static class WampEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the router registered with <c>builder.Services.AddWampyRouter(...)</c> as a WebSocket endpoint at
    /// <paramref name="pattern"/> on the app's own server: its port, HTTPS, middleware, logging and endpoint
    /// metadata (chain <c>RequireAuthorization</c>, <c>RequireCors</c>, ...). The router then opens no listener of its
    /// own, and its <c>Port</c>, <c>ListenAddress</c>, <c>WebSocketPath</c> and <c>Tls</c> settings are not used. Browser
    /// pages from other origins are refused unless listed in <see cref="WampRouterOptions.AllowedOrigins"/>.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, e.g. <c>/ws</c>.</param>
    /// <param name="configure">Endpoint settings, such as mapping the app's authenticated user to a WAMP identity.</param>
    /// <returns>A builder for endpoint conventions.</returns>
    /// <exception cref="InvalidOperationException"><c>AddWampyRouter</c> was not called, or the app has started.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddWampyRouter(builder.Configuration.GetSection("WampyRouter"));
    /// var app = builder.Build();
    /// app.MapWamp("/ws");
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapWamp(
        this IEndpointRouteBuilder endpoints, string pattern, Action<WampEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var router = endpoints.ServiceProvider.GetService<WampRouterHostedService>() ?? throw new InvalidOperationException(
            "MapWamp needs the router's services: call builder.Services.AddWampyRouter(...) before building the app.");
        var options = new WampEndpointOptions();
        configure?.Invoke(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.IdentityAuthMethod, "configure");
        if (RealmAuthenticator.BuiltInMethods.Contains(options.IdentityAuthMethod))
        {
            throw new ArgumentException(
                $"IdentityAuthMethod '{options.IdentityAuthMethod}' is a method the router checks itself; choose another name, such as 'cookie'.",
                nameof(configure));
        }

        router.MarkMapped(pattern.StartsWith('/') ? pattern : "/" + pattern);
        var endpoint = new MappedWampEndpoint(router, options);

        // The WebSocket middleware runs inside the endpoint, as SignalR's MapHub does, so the app's pipeline needs
        // no UseWebSockets of its own.
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(endpoint.HandleAsync);
        return endpoints.Map(pattern, pipeline.Build()).WithDisplayName($"WAMP {pattern}");
    }
}
