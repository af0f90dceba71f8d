using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wampy.Router.Tests.AspNetCore;

/// <summary>
/// A real ASP.NET Core app on Kestrel (free loopback ports) that serves the router with <c>MapWamp</c>, plus what a
/// web app has around it: cookie authentication (<c>/login?user=</c> signs in), a plain HTTP endpoint, an endpoint that
/// requires authorization, and RawSocket on a second Kestrel endpoint.
/// </summary>
internal sealed class InAppRouter : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InAppRouter(WebApplication app, Uri http, int rawSocketPort)
    {
        _app = app;
        Http = http;
        RawSocketPort = rawSocketPort;
    }

    /// <summary>The app's HTTP address, e.g. http://127.0.0.1:5123.</summary>
    public Uri Http { get; }

    /// <summary>The WAMP endpoint mapped at /ws.</summary>
    public Uri Url => new($"ws://{Http.Authority}/ws");

    /// <summary>A second WAMP endpoint at /secure-ws that requires an authenticated user (RequireAuthorization).</summary>
    public Uri SecureUrl => new($"ws://{Http.Authority}/secure-ws");

    public int RawSocketPort { get; }

    public IWampRouterAccessor Accessor => _app.Services.GetRequiredService<IWampRouterAccessor>();

    public static async Task<InAppRouter> StartAsync(
        Action<WampRouterOptions>? configureRouter = null, WampUserIdentifier? identifyUser = null)
    {
        var rawSocketPort = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, rawSocketPort, listen => listen.UseWampRawSocket());
        });
        builder.Services.AddWampyRouter(options =>
        {
            options.ShutdownTimeout = TimeSpan.FromSeconds(2);
            options.Realms =
            [
                new WampRealmOptions { Name = "realm1" },
                new WampRealmOptions
                {
                    Name = "members",
                    AllowAnonymous = true,
                    Roles =
                    [
                        new WampRoleOptions { Name = "member", Permissions = [new WampPermissionOptions { Uri = "com.members.", Call = true, Register = true, Publish = true, Subscribe = true }] },
                        new WampRoleOptions { Name = "anonymous", Permissions = [new WampPermissionOptions { Uri = "com.public.", Call = true, Subscribe = true }] },
                    ],
                },
            ];
            configureRouter?.Invoke(options);
        });
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/hello", () => "hello from the app");
        app.MapGet("/login", async (HttpContext context, string user) =>
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(new ClaimsPrincipal(identity));
            return "signed in";
        });
        app.MapWamp("/ws", wamp => wamp.IdentifyUser = identifyUser ?? MembersOnly);
        app.MapWamp("/secure-ws").RequireAuthorization();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Port != rawSocketPort);
        return new InAppRouter(app, address, rawSocketPort);
    }

    /// <summary>The app's mapping: a signed-in web user joins realm <c>members</c> as themselves with role <c>member</c>.</summary>
    public static WampIdentity? MembersOnly(HttpContext context, string realm) =>
        realm == "members" && context.User.Identity is { IsAuthenticated: true, Name: { } name } ? new WampIdentity(name, "member") : null;

    /// <summary>Signs in at /login and returns the Cookie header value a browser would send from then on.</summary>
    public async Task<string> SignInAsync(string user)
    {
        using var http = new HttpClient { BaseAddress = Http };
        using var response = await http.GetAsync($"/login?user={Uri.EscapeDataString(user)}");
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
