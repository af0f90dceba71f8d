namespace Wampy.Router.Dealer;

/// <summary>How a shared registration picks the callee of a call (REGISTER option <c>invoke</c>).</summary>
internal enum InvocationPolicy
{
    Single,
    RoundRobin,
    Random,
    First,
    Last,
}

internal static class InvocationPolicies
{
    public static InvocationPolicy Parse(string? value) => value switch
    {
        "roundrobin" => InvocationPolicy.RoundRobin,
        "random" => InvocationPolicy.Random,
        "first" => InvocationPolicy.First,
        "last" => InvocationPolicy.Last,
        _ => InvocationPolicy.Single,
    };

    public static string ToWire(this InvocationPolicy policy) => policy switch
    {
        InvocationPolicy.RoundRobin => "roundrobin",
        InvocationPolicy.Random => "random",
        InvocationPolicy.First => "first",
        InvocationPolicy.Last => "last",
        _ => "single",
    };
}
