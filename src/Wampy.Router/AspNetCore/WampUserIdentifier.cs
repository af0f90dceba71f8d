using Microsoft.AspNetCore.Http;

namespace Wampy.Router;

/// <summary>
/// Maps the HTTP request that opened a WebSocket (its authenticated <see cref="HttpContext.User"/>, from a cookie, a
/// bearer token or whatever authentication the app configured) to the WAMP identity its session joins
/// <paramref name="realm"/> with; <see langword="null"/> when the request carries no user the app vouches for.
/// </summary>
/// <param name="context">The upgrade request; it stays valid while the WebSocket is open.</param>
/// <param name="realm">The realm the client names in HELLO.</param>
public delegate WampIdentity? WampUserIdentifier(HttpContext context, string realm);
