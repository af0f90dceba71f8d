namespace Wampy.Router.Matching;

/// <summary>The router's URI rules: what a client may name in each kind of request.</summary>
internal static class RouterUris
{
    /// <summary>
    /// Explains why <paramref name="uri"/> is not acceptable with <paramref name="policy"/>, or returns
    /// <see langword="null"/>. Prefix patterns may end with a dot; wildcard patterns may have empty components.
    /// </summary>
    public static string? Explain(string? uri, MatchPolicy policy, bool strict)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return policy == MatchPolicy.Prefix ? null : "the URI is empty";
        }

        for (var i = 0; i < uri.Length; i++)
        {
            var c = uri[i];
            if (c == '.')
            {
                var emptyComponent = i == 0 || uri[i - 1] == '.';
                if (emptyComponent && policy != MatchPolicy.Wildcard)
                {
                    return $"it has an empty component at position {i}";
                }

                continue;
            }

            var allowed = strict ? c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' : !char.IsWhiteSpace(c) && c != '#';
            if (!allowed)
            {
                return $"'{(char.IsWhiteSpace(c) ? "whitespace" : c)}' at position {i} is not allowed";
            }
        }

        return uri[^1] == '.' && policy == MatchPolicy.Exact ? "it ends with an empty component" : null;
    }

    /// <summary>URIs starting with <c>wamp.</c> belong to the router: clients may not register or publish them.</summary>
    public static bool IsReserved(string uri) => uri.StartsWith("wamp.", StringComparison.Ordinal);
}
