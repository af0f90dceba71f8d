namespace Wampy;

/// <summary>The client is about to try joining again after a loss.</summary>
/// <param name="attempt">The attempt about to be made, from 1 (the first comes at once after the loss).</param>
/// <param name="delay">How long the client waits before it.</param>
/// <param name="error">Why: the loss of the session, or the failure of the previous attempt.</param>
public sealed class WampReconnectingEventArgs(int attempt, TimeSpan delay, Exception? error) : EventArgs
{
    /// <summary>The attempt about to be made, from 1.</summary>
    public int Attempt { get; } = attempt;

    /// <summary>How long the client waits before the attempt.</summary>
    public TimeSpan Delay { get; } = delay;

    /// <summary>The loss of the session, or the failure of the previous attempt.</summary>
    public Exception? Error { get; } = error;
}
