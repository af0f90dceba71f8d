namespace Wampy.Hosting.Session;

/// <summary>The hosted session's state, shared by the hosted service (which writes it) and the client, health check and metrics (which read it).</summary>
internal sealed class SessionTracker
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WampSessionState State { get; private set; } = WampSessionState.Disconnected;

    public long? SessionId { get; private set; }

    public string? Realm { get; set; }

    public string? LastError { get; private set; }

    /// <summary>The protocol client; set when the hosted service starts.</summary>
    public WampClient? Client { get; set; }

    /// <summary>Raised after every state change. Handler exceptions are not caught: keep handlers trivial.</summary>
    public event Action<WampSessionState>? StateChanged;

    public void SetConnecting() => Set(WampSessionState.Connecting, null, null);

    public void SetJoined(long sessionId)
    {
        Set(WampSessionState.Established, sessionId, null);
        _joined.TrySetResult();
    }

    public void SetLost(string error)
    {
        lock (_lock)
        {
            if (_joined.Task.IsCompleted)
            {
                _joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        Set(WampSessionState.Disconnected, null, error);
    }

    public void SetClosing() => Set(WampSessionState.Closing, SessionId, null);

    /// <summary>Completes when the session is joined; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public Task WaitForJoinAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task joined;
        lock (_lock)
        {
            joined = _joined.Task;
        }

        return joined.IsCompleted && State == WampSessionState.Established ? Task.CompletedTask : joined.WaitAsync(timeout, cancellationToken);
    }

    private void Set(WampSessionState state, long? sessionId, string? error)
    {
        State = state;
        SessionId = sessionId;
        if (error is not null)
        {
            LastError = error;
        }

        StateChanged?.Invoke(state);
    }
}
