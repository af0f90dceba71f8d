namespace Wampy.Router.Matching;

/// <summary>
/// Registrations or subscriptions by URI and match policy: exact URIs in a dictionary, prefix and wildcard
/// patterns scanned. Not thread-safe: the realm's lock guards it.
/// </summary>
internal sealed class UriPatternTable<T>
    where T : class
{
    private readonly Dictionary<string, T> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _prefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _wildcard = new(StringComparer.Ordinal);

    public IEnumerable<T> Exact => _exact.Values;

    public IEnumerable<T> Prefix => _prefix.Values;

    public IEnumerable<T> Wildcard => _wildcard.Values;

    public T? Find(string uri, WampMatch policy) => Table(policy).GetValueOrDefault(uri);

    public void Add(string uri, WampMatch policy, T item) => Table(policy).Add(uri, item);

    public void Remove(string uri, WampMatch policy) => Table(policy).Remove(uri);

    /// <summary>Every entry that matches <paramref name="uri"/> (for the broker: an event goes to all of them).</summary>
    public void MatchAll(string uri, List<T> matches)
    {
        if (_exact.TryGetValue(uri, out var exact))
        {
            matches.Add(exact);
        }

        foreach (var (prefix, item) in _prefix)
        {
            if (uri.StartsWith(prefix, StringComparison.Ordinal))
            {
                matches.Add(item);
            }
        }

        foreach (var (pattern, item) in _wildcard)
        {
            if (WildcardMatches(pattern, uri))
            {
                matches.Add(item);
            }
        }
    }

    /// <summary>
    /// The one entry that serves <paramref name="uri"/> (for the dealer): an exact match, else the longest prefix,
    /// else the wildcard pattern whose first wildcard comes last (ties: ordinal order, so the choice is stable).
    /// </summary>
    public T? MatchBest(string uri)
    {
        if (_exact.TryGetValue(uri, out var exact))
        {
            return exact;
        }

        T? best = null;
        var bestLength = -1;
        foreach (var (prefix, item) in _prefix)
        {
            if (prefix.Length > bestLength && uri.StartsWith(prefix, StringComparison.Ordinal))
            {
                best = item;
                bestLength = prefix.Length;
            }
        }

        if (best is not null)
        {
            return best;
        }

        string? bestPattern = null;
        var bestLiteral = -1;
        foreach (var (pattern, item) in _wildcard)
        {
            if (!WildcardMatches(pattern, uri))
            {
                continue;
            }

            var literal = LiteralPrefixLength(pattern);
            if (literal > bestLiteral || (literal == bestLiteral && string.CompareOrdinal(pattern, bestPattern) < 0))
            {
                best = item;
                bestPattern = pattern;
                bestLiteral = literal;
            }
        }

        return best;
    }

    /// <summary>A wildcard pattern has the same number of components as the URI; its empty components match anything.</summary>
    public static bool WildcardMatches(string pattern, string uri)
    {
        var p = pattern.AsSpan();
        var u = uri.AsSpan();
        while (true)
        {
            var pEnd = p.IndexOf('.');
            var uEnd = u.IndexOf('.');
            if ((pEnd < 0) != (uEnd < 0))
            {
                return false;
            }

            var pComponent = pEnd < 0 ? p : p[..pEnd];
            var uComponent = uEnd < 0 ? u : u[..uEnd];
            if (pComponent.Length > 0 && !pComponent.SequenceEqual(uComponent))
            {
                return false;
            }

            if (pEnd < 0)
            {
                return true;
            }

            p = p[(pEnd + 1)..];
            u = u[(uEnd + 1)..];
        }
    }

    private static int LiteralPrefixLength(string pattern)
    {
        var index = pattern.IndexOf("..", StringComparison.Ordinal);
        return pattern.StartsWith('.') ? 0 : index < 0 ? pattern.Length : index;
    }

    private Dictionary<string, T> Table(WampMatch policy) => policy switch
    {
        WampMatch.Prefix => _prefix,
        WampMatch.Wildcard => _wildcard,
        _ => _exact,
    };
}
