using Wampy.Messages;

namespace Wampy.Session;

/// <summary>
/// A request waiting for its reply. It carries its own deadline and cancellation (one timer and one token
/// registration, armed by <see cref="WampSession.RequestAsync"/>), so waiting for a reply costs no extra task or
/// state machine; whichever comes first of the reply, the deadline, the caller's cancellation or the end of the
/// session takes it out of the session's table and settles it. The settling itself runs as a work item of the
/// session (see <c>WampSession.Bursts.cs</c>), so the code awaiting the task never runs on the receive loop, a timer
/// or the thread that canceled.
/// </summary>
internal abstract class PendingRequest(WampMessageType replyType, string action, string uri) : DispatchedWorkItem
{
    /// <summary>How the request settled, until the work item passes it on: the reply, the error, or the (boxed) token that canceled it.</summary>
    private object? _outcome;
    private ITimer? _timer;
    private RequestTimers.Slot? _slot;
    private CancellationTokenRegistration _cancellation;
    private WampSession? _session;
    private long _requestId;
    private TimeSpan _timeout;

    public WampMessageType ReplyType => replyType;

    public string Context => $"{action} '{uri}'";

    public Action<WampMessage>? OnReply { get; init; }

    public Action<ResultMessage>? OnProgress { get; init; }

    /// <summary>For a call: how the router is told to cancel it when the caller stops waiting; <see langword="null"/> for other requests.</summary>
    public WampCancelMode? CancelOnAbandon { get; init; }

    /// <summary>For a request whose task completes with the reply message itself.</summary>
    public static readonly Func<WampMessage, WampMessage> Itself = static reply => reply;

    /// <summary>
    /// Starts the deadline (a pooled timer of <paramref name="timers"/> when it runs on <paramref name="clock"/>, else a
    /// timer of its own) and the cancellation of the request sent as <paramref name="requestId"/>.
    /// </summary>
    public void Arm(WampSession session, long requestId, TimeSpan? timeout, TimeProvider clock, RequestTimers timers, CancellationToken cancellationToken)
    {
        _session = session;
        _requestId = requestId;
        if (timeout is { } limit && limit != Timeout.InfiniteTimeSpan)
        {
            _timeout = limit;
            if (ReferenceEquals(clock, timers.Clock))
            {
                _slot = timers.Start(this, limit);
            }
            else
            {
                _timer = clock.CreateTimer(static state => ((PendingRequest)state!).Expire(), this, limit, Timeout.InfiniteTimeSpan);
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static state => ((PendingRequest)state!).Cancel(), this);
        }
    }

    /// <summary>Settles with the reply, on the thread pool; the session has taken the request out of its table.</summary>
    public void Complete(WampMessage reply)
    {
        Disarm();
        _outcome = reply;
        _session!.QueueDispatched(this);
    }

    /// <summary>Settles with an error, on the thread pool; the session has taken the request out of its table.</summary>
    public void Fail(Exception error)
    {
        Disarm();
        _outcome = error;
        if (_session is { } session)
        {
            session.QueueDispatched(this);
        }
        else
        {
            SetError(error);
        }
    }

    protected override WampSession Session => _session!;

    /// <summary>
    /// Runs the waiting code (the task's continuations run here, synchronously) off the receive loop and off the
    /// timer or canceling thread.
    /// </summary>
    protected override void Run()
    {
        switch (_outcome)
        {
            case WampMessage reply:
                SetReply(reply);
                break;
            case Exception error:
                SetError(error);
                break;
            default:
                SetCanceled(_outcome is CancellationToken token ? token : CancellationToken.None);
                break;
        }
    }

    protected abstract void SetReply(WampMessage reply);

    protected abstract void SetError(Exception error);

    protected abstract void SetCanceled(CancellationToken cancellationToken);

    /// <summary>The deadline passed: the request fails with <see cref="WampTimeoutException"/> unless it was settled.</summary>
    public void Expire()
    {
        if (_session!.TryAbandon(_requestId, this))
        {
            Fail(new WampTimeoutException($"{Context} timed out after {_timeout.TotalSeconds:0.###} s.", new TimeoutException()));
        }
    }

    private void Cancel()
    {
        if (_session!.TryAbandon(_requestId, this))
        {
            _outcome = _cancellation.Token;
            Disarm();
            _session.QueueDispatched(this);
        }
    }

    private void Disarm()
    {
        _timer?.Dispose();
        if (Interlocked.Exchange(ref _slot, null) is { } slot)
        {
            _session!.Timers.Stop(slot);
        }

        _cancellation.Dispose();
    }
}

/// <summary>A request whose task completes with <typeparamref name="TResult"/>, made from the reply.</summary>
internal sealed class PendingRequest<TResult>(WampMessageType replyType, string action, string uri, Func<WampMessage, TResult> result)
    : PendingRequest(replyType, action, uri)
{
    // Settled only from the work item (see Execute), so continuations may run synchronously there.
    private readonly TaskCompletionSource<TResult> _completion = new();

    public Task<TResult> Task => _completion.Task;

    protected override void SetReply(WampMessage reply)
    {
        TResult value;
        try
        {
            value = result(reply);
        }
        catch (Exception ex) when (ex is InvalidCastException or WampyException)
        {
            _completion.TrySetException(ex);
            return;
        }

        _completion.TrySetResult(value);
    }

    protected override void SetError(Exception error) => _completion.TrySetException(error);

    protected override void SetCanceled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
