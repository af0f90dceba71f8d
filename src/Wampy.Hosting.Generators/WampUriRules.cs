namespace Wampy.Hosting.Generators;

/// <summary>
/// The loose WAMP URI rules, as Wampy.Protocol's <c>WampUri.Explain</c> applies them at start-up (the generator runs in
/// the compiler and cannot reference it; a test checks both give the same answers). Strict rules are a run-time
/// option, checked at start-up.
/// </summary>
internal static class WampUriRules
{
    /// <summary>Match policies, as <c>WampMatch</c> numbers them.</summary>
    public const int Exact = 0;
    public const int Prefix = 1;
    public const int Wildcard = 2;

    public static string MatchName(int match) => match switch { Prefix => "prefix", Wildcard => "wildcard", _ => "exact" };

    public static string? Explain(string? uri, int match)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return match == Prefix ? null : "it is empty";
        }

        for (var i = 0; i < uri!.Length; i++)
        {
            var c = uri[i];
            if (c == '.')
            {
                if ((i == 0 || uri[i - 1] == '.') && match != Wildcard)
                {
                    return $"it has an empty component at position {i}";
                }

                continue;
            }

            if (char.IsWhiteSpace(c) || c == '#')
            {
                return $"'{(char.IsWhiteSpace(c) ? "whitespace" : c.ToString())}' at position {i} is not allowed";
            }
        }

        return uri[uri.Length - 1] == '.' && match == Exact ? "it ends with an empty component" : null;
    }
}
