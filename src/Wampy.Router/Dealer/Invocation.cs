using Wampy.Router.Sessions;

namespace Wampy.Router.Dealer;

/// <summary>A call routed to a callee and not answered yet; guarded by the realm's lock.</summary>
internal sealed class Invocation(RouterSession caller, long callRequestId, RouterSession callee, long invocationId, bool receiveProgress)
{
    public RouterSession Caller { get; } = caller;

    public long CallRequestId { get; } = callRequestId;

    public RouterSession Callee { get; } = callee;

    public long InvocationId { get; } = invocationId;

    public bool ReceiveProgress { get; } = receiveProgress;

    /// <summary>Whether INTERRUPT (mode kill) was sent and the caller waits for the callee's answer.</summary>
    public bool Interrupted { get; set; }

    /// <summary>The router-side timer of the CALL option <c>timeout</c>.</summary>
    public ITimer? Timeout { get; set; }
}
