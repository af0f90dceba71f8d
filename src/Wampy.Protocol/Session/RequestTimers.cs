using System.Collections.Concurrent;

namespace Wampy.Session;

/// <summary>
/// Reusable deadline timers for one session's requests: a call arms a pooled timer instead of creating one, so a
/// call's timeout allocates nothing once warm. A timer callback can outlive the request it was armed for (the
/// reply won the race); it then finds the slot empty or holding a later request whose deadline has not come, and
/// re-arms for that deadline instead of expiring it.
/// </summary>
internal sealed class RequestTimers(TimeProvider clock) : IDisposable
{
    private const int PoolCapacity = 1024;
    private readonly ConcurrentQueue<Slot> _free = new();
    private int _pooled;
    private volatile bool _disposed;

    public TimeProvider Clock => clock;

    public Slot Start(PendingRequest pending, TimeSpan timeout)
    {
        if (_free.TryDequeue(out var slot))
        {
            Interlocked.Decrement(ref _pooled);
        }
        else
        {
            slot = new Slot(this);
        }

        slot.Arm(pending, timeout);
        return slot;
    }

    public void Stop(Slot slot)
    {
        slot.Disarm();
        if (_disposed || Interlocked.Increment(ref _pooled) > PoolCapacity)
        {
            Interlocked.Decrement(ref _pooled);
            slot.Dispose();
            return;
        }

        _free.Enqueue(slot);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_free.TryDequeue(out var slot))
        {
            slot.Dispose();
        }
    }

    internal sealed class Slot : IDisposable
    {
        private readonly RequestTimers _owner;
        private readonly ITimer _timer;
        private PendingRequest? _pending;
        private long _deadline;

        public Slot(RequestTimers owner)
        {
            _owner = owner;
            _timer = owner.Clock.CreateTimer(static state => ((Slot)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public void Arm(PendingRequest pending, TimeSpan timeout)
        {
            Volatile.Write(ref _deadline, _owner.Clock.GetTimestamp() + (long)(timeout.TotalSeconds * _owner.Clock.TimestampFrequency));
            Volatile.Write(ref _pending, pending);
            _timer.Change(timeout, Timeout.InfiniteTimeSpan);
        }

        public void Disarm()
        {
            Volatile.Write(ref _pending, null);
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public void Dispose() => _timer.Dispose();

        private void Fire()
        {
            var pending = Volatile.Read(ref _pending);
            if (pending is null)
            {
                return;
            }

            var left = Volatile.Read(ref _deadline) - _owner.Clock.GetTimestamp();
            if (left > 0)
            {
                // Early (timer resolution) or a stale callback: wait for the deadline of the request the slot holds now.
                _timer.Change(TimeSpan.FromSeconds((double)left / _owner.Clock.TimestampFrequency), Timeout.InfiniteTimeSpan);
                return;
            }

            pending.Expire();
        }
    }
}
