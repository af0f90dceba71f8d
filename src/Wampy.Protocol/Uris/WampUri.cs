namespace Wampy;

/// <summary>
/// Checks WAMP URIs (procedures, topics, error URIs) against the specification's rules: loose by default
/// (non-empty components separated by dots, without whitespace or <c>#</c>), strict on request (only
/// lowercase letters, digits and underscores in each component).
/// </summary>
public static class WampUri
{
    /// <summary>Whether <paramref name="uri"/> is a valid WAMP URI.</summary>
    /// <param name="uri">The URI to check.</param>
    /// <param name="strict">Apply the strict rules.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? uri, bool strict = false) => Explain(uri, strict) is null;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the problem when <paramref name="uri"/> is not valid.</summary>
    /// <param name="uri">The URI to check.</param>
    /// <param name="strict">Apply the strict rules.</param>
    /// <param name="parameterName">The parameter the URI came from.</param>
    /// <exception cref="ArgumentException">The URI is not valid.</exception>
    public static void Validate(string? uri, bool strict, string parameterName)
    {
        var problem = Explain(uri, strict);
        if (problem is not null)
        {
            throw new ArgumentException($"'{uri}' is not a valid WAMP URI: {problem}.", parameterName);
        }
    }

    /// <summary>
    /// Whether <paramref name="uri"/> is valid for a registration or subscription with <paramref name="match"/>:
    /// prefix URIs may end with a dot (or be empty); wildcard URIs may have empty components.
    /// </summary>
    /// <param name="uri">The URI or pattern to check.</param>
    /// <param name="match">The match policy it is used with.</param>
    /// <param name="strict">Apply the strict rules.</param>
    /// <returns>The problem, or <see langword="null"/> when the URI is valid.</returns>
    public static string? Explain(string? uri, WampMatch match, bool strict = false)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return match == WampMatch.Prefix ? null : "it is empty";
        }

        for (var i = 0; i < uri.Length; i++)
        {
            var c = uri[i];
            if (c == '.')
            {
                if ((i == 0 || uri[i - 1] == '.') && match != WampMatch.Wildcard)
                {
                    return $"it has an empty component at position {i}";
                }

                continue;
            }

            if (strict ? !(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_') : char.IsWhiteSpace(c) || c == '#')
            {
                return strict
                    ? $"'{c}' at position {i} is not allowed (strict URIs use only a-z, 0-9 and _)"
                    : $"'{(char.IsWhiteSpace(c) ? "whitespace" : c)}' at position {i} is not allowed";
            }
        }

        return uri[^1] == '.' && match == WampMatch.Exact ? "it ends with an empty component" : null;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the problem when <paramref name="uri"/> is not valid with <paramref name="match"/>.</summary>
    /// <param name="uri">The URI or pattern to check.</param>
    /// <param name="match">The match policy it is used with.</param>
    /// <param name="strict">Apply the strict rules.</param>
    /// <param name="parameterName">The parameter the URI came from.</param>
    /// <exception cref="ArgumentException">The URI is not valid.</exception>
    public static void Validate(string? uri, WampMatch match, bool strict, string parameterName)
    {
        var problem = Explain(uri, match, strict);
        if (problem is not null)
        {
            throw new ArgumentException($"'{uri}' is not a valid WAMP URI for {match.ToWire()} matching: {problem}.", parameterName);
        }
    }

    private static string? Explain(string? uri, bool strict) => Explain(uri, WampMatch.Exact, strict);
}
