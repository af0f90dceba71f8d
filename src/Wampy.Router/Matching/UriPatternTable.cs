namespace Wampy.Router.Matching;

/// <summary>
/// Registrations or subscriptions by URI and match policy. Exact URIs in a dictionary; prefix patterns in a
/// dictionary probed with the URI's own prefixes, only at the lengths some pattern has, so a lookup costs the
/// URI's length, not the number of patterns; wildcard patterns grouped by their number of components. Not
/// thread-safe: the realm's lock guards it.
/// </summary>
internal sealed class UriPatternTable<T>
    where T : class
{
    private readonly Dictionary<string, T> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _prefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _wildcard = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _prefixLengthCounts = [];
    private int[] _prefixLengths = []; // distinct lengths of the prefix patterns, longest first
    private readonly Dictionary<int, Dictionary<string, T>> _wildcardByComponents = [];
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _prefixBySpan;

    public UriPatternTable() => _prefixBySpan = _prefix.GetAlternateLookup<ReadOnlySpan<char>>();

    public IEnumerable<T> Exact => _exact.Values;

    public IEnumerable<T> Prefix => _prefix.Values;

    public IEnumerable<T> Wildcard => _wildcard.Values;

    public T? Find(string uri, WampMatch policy) => Table(policy).GetValueOrDefault(uri);

    public void Add(string uri, WampMatch policy, T item)
    {
        Table(policy).Add(uri, item);
        if (policy == WampMatch.Prefix)
        {
            _prefixLengthCounts[uri.Length] = _prefixLengthCounts.GetValueOrDefault(uri.Length) + 1;
            _prefixLengths = [.. _prefixLengthCounts.Keys.OrderDescending()];
        }
        else if (policy == WampMatch.Wildcard)
        {
            var count = Components(uri);
            if (!_wildcardByComponents.TryGetValue(count, out var group))
            {
                _wildcardByComponents[count] = group = new Dictionary<string, T>(StringComparer.Ordinal);
            }

            group.Add(uri, item);
        }
    }

    public void Remove(string uri, WampMatch policy)
    {
        if (!Table(policy).Remove(uri))
        {
            return;
        }

        if (policy == WampMatch.Prefix)
        {
            if (--_prefixLengthCounts[uri.Length] == 0)
            {
                _prefixLengthCounts.Remove(uri.Length);
                _prefixLengths = [.. _prefixLengthCounts.Keys.OrderDescending()];
            }
        }
        else if (policy == WampMatch.Wildcard)
        {
            var count = Components(uri);
            var group = _wildcardByComponents[count];
            group.Remove(uri);
            if (group.Count == 0)
            {
                _wildcardByComponents.Remove(count);
            }
        }
    }

    /// <summary>Adds the prefix entries matching <paramref name="uri"/>, longest first (all of them, or only the first).</summary>
    private T? PrefixMatches(string uri, List<T>? all)
    {
        foreach (var length in _prefixLengths)
        {
            if (length <= uri.Length && _prefixBySpan.TryGetValue(uri.AsSpan(0, length), out var item))
            {
                if (all is null)
                {
                    return item;
                }

                all.Add(item);
            }
        }

        return null;
    }

    private Dictionary<string, T> WildcardCandidates(string uri) =>
        _wildcardByComponents.Count > 0 && _wildcardByComponents.TryGetValue(Components(uri), out var group) ? group : Empty;

    private static readonly Dictionary<string, T> Empty = [];

    private static int Components(string uri) => uri.AsSpan().Count('.') + 1;

    /// <summary>Every entry that matches <paramref name="uri"/> (for the broker: an event goes to all of them).</summary>
    public void MatchAll(string uri, List<T> matches)
    {
        if (_exact.TryGetValue(uri, out var exact))
        {
            matches.Add(exact);
        }

        PrefixMatches(uri, matches);
        foreach (var (pattern, item) in WildcardCandidates(uri))
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

        if (PrefixMatches(uri, all: null) is { } longest)
        {
            return longest;
        }

        T? best = null;
        string? bestPattern = null;
        var bestLiteral = -1;
        foreach (var (pattern, item) in WildcardCandidates(uri))
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
