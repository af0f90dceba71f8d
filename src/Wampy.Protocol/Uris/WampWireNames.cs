namespace Wampy;

/// <summary>The spec's names of <see cref="WampMatch"/>, <see cref="WampInvocationPolicy"/> and <see cref="WampCancelMode"/> values, both ways.</summary>
internal static class WampWireNames
{
    /// <summary>The wire name of a match policy: <c>exact</c>, <c>prefix</c> or <c>wildcard</c>.</summary>
    public static string ToWire(this WampMatch match) => match switch
    {
        WampMatch.Prefix => "prefix",
        WampMatch.Wildcard => "wildcard",
        _ => "exact",
    };

    /// <summary>The wire name of an invocation policy: <c>single</c>, <c>roundrobin</c>, <c>random</c>, <c>first</c> or <c>last</c>.</summary>
    public static string ToWire(this WampInvocationPolicy policy) => policy switch
    {
        WampInvocationPolicy.RoundRobin => "roundrobin",
        WampInvocationPolicy.Random => "random",
        WampInvocationPolicy.First => "first",
        WampInvocationPolicy.Last => "last",
        _ => "single",
    };

    /// <summary>The wire name of a cancel mode: <c>skip</c>, <c>kill</c> or <c>killnowait</c>.</summary>
    public static string ToWire(this WampCancelMode mode) => mode switch
    {
        WampCancelMode.Skip => "skip",
        WampCancelMode.Kill => "kill",
        _ => "killnowait",
    };

    /// <summary>Parses a match policy; a missing one is <see cref="WampMatch.Exact"/>.</summary>
    public static bool TryParseMatch(string? value, out WampMatch match)
    {
        (var ok, match) = value switch
        {
            null or "exact" => (true, WampMatch.Exact),
            "prefix" => (true, WampMatch.Prefix),
            "wildcard" => (true, WampMatch.Wildcard),
            _ => (false, WampMatch.Exact),
        };
        return ok;
    }

    /// <summary>Parses an invocation policy; a missing or unknown one is <see cref="WampInvocationPolicy.Single"/>.</summary>
    public static WampInvocationPolicy ParseInvocationPolicy(string? value) => value switch
    {
        "roundrobin" => WampInvocationPolicy.RoundRobin,
        "random" => WampInvocationPolicy.Random,
        "first" => WampInvocationPolicy.First,
        "last" => WampInvocationPolicy.Last,
        _ => WampInvocationPolicy.Single,
    };
}
