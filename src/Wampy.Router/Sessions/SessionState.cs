using Wampy.Router.Broker;
using Wampy.Router.Dealer;

namespace Wampy.Router.Sessions;

/// <summary>What a session holds in its realm; every member is guarded by the realm's lock.</summary>
internal sealed class SessionState
{
    /// <summary>Registrations this session provides, by registration id.</summary>
    public Dictionary<long, Registration> Registrations { get; } = [];

    /// <summary>Subscriptions this session holds, by subscription id.</summary>
    public Dictionary<long, Subscription> Subscriptions { get; } = [];

    /// <summary>Calls this session made that are not answered yet, by the session's CALL request id.</summary>
    public Dictionary<long, Invocation> Calls { get; } = [];

    /// <summary>Invocations this session must answer, by the INVOCATION request id the router chose.</summary>
    public Dictionary<long, Invocation> Invocations { get; } = [];

    /// <summary>The last INVOCATION request id sent to this session (session scope, sequential).</summary>
    public long LastInvocationId { get; set; }
}
