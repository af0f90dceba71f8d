namespace Wampy.Router.Matching;

/// <summary>The router's URI rules: what a client may name in each kind of request.</summary>
internal static class RouterUris
{
    /// <summary>URIs starting with <c>wamp.</c> belong to the router: clients may not register or publish them.</summary>
    public static bool IsReserved(string uri) => uri.StartsWith("wamp.", StringComparison.Ordinal);

    /// <summary>
    /// Meta procedures that act on other sessions (kill, remove): a role may call them only when a permission grants
    /// them explicitly; a realm without roles grants them to nobody.
    /// </summary>
    public static bool IsSessionControl(string procedure) =>
        procedure.StartsWith("wamp.session.kill", StringComparison.Ordinal)
        || procedure is "wamp.registration.remove" or "wamp.subscription.remove";

    /// <summary>
    /// Whether a registration pattern could match a URI of the router's <c>wamp.</c> namespace: an exact <c>wamp.…</c>
    /// URI, a prefix that starts with <c>wamp.</c> or that <c>wamp.</c> starts with (<c>wamp</c>, <c>w</c>, the empty
    /// prefix), or a wildcard whose first component is empty or <c>wamp</c>.
    /// </summary>
    public static bool MayMatchReserved(string pattern, WampMatch match) => match switch
    {
        WampMatch.Prefix => IsReserved(pattern) || "wamp.".StartsWith(pattern, StringComparison.Ordinal),
        WampMatch.Wildcard => pattern.Split('.')[0] is "" or "wamp",
        _ => IsReserved(pattern),
    };

    /// <summary>
    /// The literal start every URI matched by <paramref name="pattern"/> shares: the pattern itself for a prefix, the
    /// components before the first wildcard component (with their dot) for a wildcard.
    /// </summary>
    public static string LiteralStart(string pattern, WampMatch match)
    {
        if (match != WampMatch.Wildcard)
        {
            return pattern;
        }

        var components = pattern.Split('.');
        var literal = components.TakeWhile(c => c.Length > 0).ToArray();
        return literal.Length == components.Length ? pattern : string.Concat(literal.Select(c => c + "."));
    }
}
