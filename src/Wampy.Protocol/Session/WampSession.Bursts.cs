using Wampy.Transports;

namespace Wampy.Session;

/// <summary>
/// Answers to frames that arrived together leave together. Replies and invocations are handed to the thread pool
/// (never run on the receive loop); what their code sends while more of them are still queued, or while the receive
/// loop is still working through the bytes of the same read, is held, and the last of them writes the batch in one
/// system call. A held frame waits only for work that is about to run: nothing waits on user code that blocks.
/// </summary>
internal sealed partial class WampSession : IReceiveBurstObserver
{
    /// <summary>The session whose dispatched work is running on this thread, if any.</summary>
    [ThreadStatic]
    private static WampSession? t_dispatching;

    /// <summary>Work items queued by the receive loop and not yet started.</summary>
    private int _dispatchQueued;

    /// <summary>1 while the receive loop is handing out frames of bytes already read.</summary>
    private int _receiving;

    /// <summary>Runs <paramref name="item"/> on the thread pool as part of the current burst.</summary>
    public void QueueDispatched(IThreadPoolWorkItem item)
    {
        Interlocked.Increment(ref _dispatchQueued);
        ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: true);
    }

    /// <summary>Marks the current thread as running dispatched work; returns what to pass to <see cref="EndDispatched"/>.</summary>
    public WampSession? BeginDispatched()
    {
        var previous = t_dispatching;
        t_dispatching = this;
        if (Interlocked.Decrement(ref _dispatchQueued) == 0 && Volatile.Read(ref _receiving) == 0 && !_outbox.IsEmpty)
        {
            // The last of the burst may block in user code: what the others held leaves now, not after it.
            Flush();
        }

        return previous;
    }

    /// <summary>The dispatched work's synchronous part is done: writes the held batch if nothing else of the burst is left.</summary>
    public void EndDispatched(WampSession? previous)
    {
        t_dispatching = previous;
        if (Volatile.Read(ref _dispatchQueued) == 0 && Volatile.Read(ref _receiving) == 0 && !_outbox.IsEmpty)
        {
            Flush();
        }
    }

    /// <summary>Whether a frame just queued by this thread may wait for the rest of the burst.</summary>
    private bool HoldsWrites =>
        t_dispatching == this && (Volatile.Read(ref _dispatchQueued) != 0 || Volatile.Read(ref _receiving) != 0);

    void IReceiveBurstObserver.OnReceiveBurstStarted() => Volatile.Write(ref _receiving, 1);

    void IReceiveBurstObserver.OnReceiveBurstEnded()
    {
        Interlocked.Exchange(ref _receiving, 0);
        if (Volatile.Read(ref _dispatchQueued) == 0 && !_outbox.IsEmpty)
        {
            Flush();
        }
    }
}
