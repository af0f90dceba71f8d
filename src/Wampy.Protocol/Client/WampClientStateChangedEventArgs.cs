namespace Wampy;

/// <summary>A change of <see cref="WampClient.State"/>.</summary>
/// <param name="previousState">The state before.</param>
/// <param name="state">The state now.</param>
/// <param name="error">The error behind the change (a lost session, a failed attempt), if any.</param>
public sealed class WampClientStateChangedEventArgs(WampClientState previousState, WampClientState state, Exception? error) : EventArgs
{
    /// <summary>The state before.</summary>
    public WampClientState PreviousState { get; } = previousState;

    /// <summary>The state now.</summary>
    public WampClientState State { get; } = state;

    /// <summary>The error behind the change, if any.</summary>
    public Exception? Error { get; } = error;
}
