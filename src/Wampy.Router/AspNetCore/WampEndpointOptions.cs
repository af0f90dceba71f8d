namespace Wampy.Router;

/// <summary>Settings of one WAMP WebSocket endpoint mapped into an ASP.NET Core app with <c>MapWamp</c>.</summary>
public sealed class WampEndpointOptions
{
    /// <summary>The auth method <see cref="IdentifyUser"/> answers to. Default <see cref="DefaultIdentityAuthMethod"/>.</summary>
    public const string DefaultIdentityAuthMethod = "cookie";

    /// <summary>
    /// Maps the app's authenticated HTTP user to a WAMP identity, so a logged-in web user joins without a second
    /// secret. It applies when the client lists <see cref="IdentityAuthMethod"/> among its auth methods in HELLO:
    /// the session then joins with the identity returned, whatever authid the client asked for; when it returns
    /// <see langword="null"/> (an anonymous request), the client's other auth methods are tried, and an anonymous
    /// session never gets a chosen authid. <see langword="null"/> (default): the method is not offered.
    /// </summary>
    /// <example>
    /// <code>
    /// app.MapWamp("/ws", wamp => wamp.IdentifyUser = (http, realm) =>
    ///     http.User.Identity is { IsAuthenticated: true, Name: { } name } ? new WampIdentity(name, "user") : null);
    /// </code>
    /// </example>
    public WampUserIdentifier? IdentifyUser { get; set; }

    /// <summary>
    /// The name of the auth method served by <see cref="IdentifyUser"/>. Default <c>cookie</c>, as Crossbar.io names
    /// its method for browsers that are already authenticated, so clients written for it join unchanged. It cannot
    /// be a method the router checks itself (<c>anonymous</c>, <c>ticket</c>, <c>wampcra</c>, <c>cryptosign</c>).
    /// </summary>
    public string IdentityAuthMethod { get; set; } = DefaultIdentityAuthMethod;
}
