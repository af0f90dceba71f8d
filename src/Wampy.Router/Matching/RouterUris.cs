namespace Wampy.Router.Matching;

/// <summary>The router's URI rules: what a client may name in each kind of request.</summary>
internal static class RouterUris
{
    /// <summary>URIs starting with <c>wamp.</c> belong to the router: clients may not register or publish them.</summary>
    public static bool IsReserved(string uri) => uri.StartsWith("wamp.", StringComparison.Ordinal);
}
