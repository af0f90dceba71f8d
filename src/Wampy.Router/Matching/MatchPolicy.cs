namespace Wampy.Router.Matching;

/// <summary>How a registration or subscription URI is matched against a procedure or topic.</summary>
internal enum MatchPolicy
{
    Exact,
    Prefix,
    Wildcard,
}

internal static class MatchPolicies
{
    public static bool TryParse(string? value, out MatchPolicy policy)
    {
        switch (value)
        {
            case null or "exact":
                policy = MatchPolicy.Exact;
                return true;
            case "prefix":
                policy = MatchPolicy.Prefix;
                return true;
            case "wildcard":
                policy = MatchPolicy.Wildcard;
                return true;
            default:
                policy = default;
                return false;
        }
    }

    public static string ToWire(this MatchPolicy policy) => policy switch
    {
        MatchPolicy.Prefix => "prefix",
        MatchPolicy.Wildcard => "wildcard",
        _ => "exact",
    };
}
