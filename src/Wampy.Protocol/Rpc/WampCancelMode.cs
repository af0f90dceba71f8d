namespace Wampy;

/// <summary>How a call is canceled (CANCEL option <c>mode</c>).</summary>
public enum WampCancelMode
{
    /// <summary>The router answers the caller at once and interrupts the callee without waiting (the spec's default).</summary>
    KillNoWait,

    /// <summary>The router interrupts the callee and forwards its answer.</summary>
    Kill,

    /// <summary>The router answers the caller at once; the callee is not interrupted and its late answer is dropped.</summary>
    Skip,
}
