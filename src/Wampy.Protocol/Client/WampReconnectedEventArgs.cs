namespace Wampy;

/// <summary>The client joined again after a loss, with its registrations and subscriptions restored.</summary>
/// <param name="sessionId">The new session id.</param>
/// <param name="attempts">How many attempts it took.</param>
public sealed class WampReconnectedEventArgs(long sessionId, int attempts) : EventArgs
{
    /// <summary>The new session id.</summary>
    public long SessionId { get; } = sessionId;

    /// <summary>How many attempts it took.</summary>
    public int Attempts { get; } = attempts;
}
