using Wampy.Diagnostics;
using Wampy.Transports;

namespace Wampy.Session;

/// <summary>
/// How received work leaves the receive loop, and how the answers leave together.
/// <para>
/// Replies, invocations and events never run on the receive loop. While it works through frames that arrived
/// together, the work items it makes are collected; when it parks (its read waits for the socket), they go to the
/// thread-pool thread that resumed it, which the socket no longer needs: the last item runs there, the others on the
/// thread pool (all of them, when the socket engine or a dedicated receive thread resumed it). A thread-pool hand-off
/// per frame is saved, and one item that blocks holds up neither the receive loop (the socket resumes it elsewhere)
/// nor the other items.
/// </para>
/// <para>
/// What the items send while more of them are still queued, or while the receive loop is still handing out bytes
/// of the same read, is held, and the last of them writes the batch in one system call. A held frame waits only for
/// work that is about to start, never for user code that blocks.
/// </para>
/// </summary>
internal sealed partial class WampSession : IReceiveBurstObserver
{
    /// <summary>The session whose dispatched work is running on this thread, if any.</summary>
    [ThreadStatic]
    private static WampSession? t_dispatching;

    /// <summary>The session whose receive loop is dispatching on this thread, if any.</summary>
    [ThreadStatic]
    private static WampSession? t_receiveLoop;

    /// <summary>The session whose receive loop this thread is running from the bottom of its stack (so it gets the loop's items when it parks).</summary>
    [ThreadStatic]
    private static WampSession? t_resuming;

    /// <summary>Items handed to this thread by a receive loop that just parked on it.</summary>
    [ThreadStatic]
    private static List<DispatchedWorkItem>? t_parked;

    /// <summary>Items made by the receive loop since it last parked (touched by the receive loop only).</summary>
    private readonly List<DispatchedWorkItem> _burstItems = [];

    /// <summary>Whether the connection parks its reader (tells this session through <see cref="IReceiveBurstObserver"/>).</summary>
    private bool _parksReader;

    /// <summary>Work items made and not yet started.</summary>
    private int _dispatchQueued;

    /// <summary>1 while the receive loop is handing out frames of bytes already read.</summary>
    private int _receiving;

    /// <summary>Runs <paramref name="item"/> off the receive loop: with the receive loop's burst when it made it, else on the thread pool.</summary>
    public void QueueDispatched(DispatchedWorkItem item)
    {
        Interlocked.Increment(ref _dispatchQueued);
        if (_parksReader && t_receiveLoop == this)
        {
            _burstItems.Add(item);
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: true);
    }

    /// <summary>Marks the current thread as running dispatched work; returns what to pass to <see cref="EndDispatched"/>.</summary>
    public WampSession? BeginDispatched()
    {
        var previous = t_dispatching;
        t_dispatching = this;
        Interlocked.Decrement(ref _dispatchQueued);

        // The last of the burst may block in user code: what the others held leaves now, not after it.
        FlushIfBurstOver();
        return previous;
    }

    /// <summary>The dispatched work's synchronous part is done: writes the held batch if nothing else of the burst is left.</summary>
    public void EndDispatched(WampSession? previous)
    {
        t_dispatching = previous;
        FlushIfBurstOver();
    }

    /// <summary>Something the dispatch machinery did not expect escaped a work item: logged, never thrown on the thread pool.</summary>
    public void OnDispatchedWorkFailed(Exception exception) => Log.DispatchedWorkFailed(_logger, SessionId, exception);

    /// <summary>Whether a frame just queued by this thread may wait for the rest of the burst.</summary>
    private bool HoldsWrites => t_dispatching == this && BurstGoesOn;

    /// <summary>Whether work of the current burst is still to start, or the receive loop is still handing out its bytes.</summary>
    private bool BurstGoesOn => Volatile.Read(ref _dispatchQueued) != 0 || Volatile.Read(ref _receiving) != 0;

    /// <summary>Writes the held frames once nothing more of the burst is coming.</summary>
    private void FlushIfBurstOver()
    {
        if (!BurstGoesOn && !_outbox.IsEmpty)
        {
            Flush();
        }
    }

    /// <summary>Starts the receive loop on the thread pool; whatever it hands over when it first parks runs there too.</summary>
    private Task StartReceiveLoop()
    {
        if (_connection is IReceiveBurstSource source)
        {
            source.BurstObserver = this;
            _parksReader = true;
        }

        return Task.Run(() =>
        {
            t_resuming = this;
            Task loop;
            try
            {
                loop = ReceiveLoopAsync();
            }
            finally
            {
                t_resuming = null;
            }

            RunParked();
            return loop;
        });
    }

    /// <summary>Called by the receive loop around each dispatch, so that the items it makes join its burst.</summary>
    private void EnterDispatch() => t_receiveLoop = this;

    private static void LeaveDispatch() => t_receiveLoop = null;

    /// <summary>The receive loop ended: items it made since it last parked run on the thread pool.</summary>
    private void ReleaseBurstItems()
    {
        foreach (var item in _burstItems)
        {
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: true);
        }

        _burstItems.Clear();
    }

    void IReceiveBurstObserver.OnReceiveBurstStarted()
    {
        Volatile.Write(ref _receiving, 1);

        // The socket had more at once, so the reader did not park: what the last bytes made runs on the thread pool.
        ReleaseBurstItems();
    }

    void IReceiveBurstObserver.OnReceiveBurstEnded()
    {
        Interlocked.Exchange(ref _receiving, 0);
        FlushIfBurstOver();
    }

    void IReceiveBurstObserver.OnReceiveResuming() => t_resuming = this;

    void IReceiveBurstObserver.OnReceiveParking()
    {
        if (_burstItems.Count == 0)
        {
            return;
        }

        if (t_resuming != this)
        {
            // Resumed by someone else than the socket's completion (a continuation queued elsewhere): no one will
            // hand this thread over, so the items go to the thread pool.
            ReleaseBurstItems();
            return;
        }

        var parked = t_parked ??= [];
        parked.AddRange(_burstItems);
        _burstItems.Clear();
    }

    void IReceiveBurstObserver.OnReceiveParked()
    {
        t_resuming = null;
        RunParked();
    }

    /// <summary>Runs what a parked receive loop handed to this thread: the last item here (if this is a thread-pool thread), the others on the thread pool.</summary>
    private static void RunParked()
    {
        var parked = t_parked;
        if (parked is null || parked.Count == 0)
        {
            return;
        }

        t_parked = null;

        // Only a thread-pool thread is lent to the items. With inline socket completions
        // (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1) the reader is resumed on the socket engine's own thread,
        // which every socket of the process needs: user code that blocked there would stop them all.
        var last = Thread.CurrentThread.IsThreadPoolThread ? parked.Count - 1 : parked.Count;
        for (var i = 0; i < last; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(parked[i], preferLocal: true);
        }

        var inline = last < parked.Count ? parked[last] : null;
        parked.Clear();
        t_parked ??= parked;
        if (inline is not null)
        {
            ((IThreadPoolWorkItem)inline).Execute();
        }
    }
}
