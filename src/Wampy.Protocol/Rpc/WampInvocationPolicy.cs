namespace Wampy;

/// <summary>How the router picks the callee of a shared registration (REGISTER option <c>invoke</c>).</summary>
public enum WampInvocationPolicy
{
    /// <summary>One callee only: a second registration fails with <c>wamp.error.procedure_already_exists</c> (the default).</summary>
    Single,

    /// <summary>The callees in turn.</summary>
    RoundRobin,

    /// <summary>A callee at random.</summary>
    Random,

    /// <summary>The callee that registered first.</summary>
    First,

    /// <summary>The callee that registered last.</summary>
    Last,
}
