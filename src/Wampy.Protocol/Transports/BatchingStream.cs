using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace Wampy.Transports;

/// <summary>
/// The byte stream under a connection: reads ahead so that one receive system call brings every frame that has
/// arrived, and holds writes while more frames are queued (<see cref="HoldWrites"/>) so that a batch of frames
/// leaves in one send system call. Every write comes from the connection under its send lock, so writes never
/// overlap; the held bytes go out with the next write made while <see cref="HoldWrites"/> is off.
/// </summary>
/// <remarks>
/// With a <see cref="BurstObserver"/>, a read that has to wait for the socket parks the reader: the socket's
/// completion resumes it (running it synchronously up to its next wait), and the thread it resumed on is then handed
/// to the observer (<see cref="IReceiveBurstObserver.OnReceiveParked"/>) while the reader waits on the socket again.
/// </remarks>
internal sealed class BatchingStream : ConnectionStream, IValueTaskSource<int>
{
    private const int ReadAheadSize = 64 * 1024;
    private const int MaxHeldBytes = 256 * 1024;

    private readonly Stream _inner;
    private readonly byte[] _readBuffer = new byte[ReadAheadSize];
    private readonly ArrayBufferWriter<byte> _held = new(4096);
    private readonly Action _resume;
    private int _readStart;
    private int _readEnd;

    // 1 from the start of a refill until its bytes are handed over (for a parked read: until its awaiter takes them).
    private int _refilling;

    // The parked read: the reader awaits _parked (completed synchronously, so the reader runs on the resuming thread).
    private ManualResetValueTaskSourceCore<int> _parked;
    private ConfiguredValueTaskAwaitable<int>.ConfiguredValueTaskAwaiter _socketRead;
    private Memory<byte> _parkedDestination;

    public BatchingStream(Stream inner)
    {
        _inner = inner;
        _resume = Resume;
    }

    /// <summary>While set, writes are held in memory (up to 256 KiB) instead of being sent.</summary>
    public bool HoldWrites { get; set; }

    /// <summary>Told when the read-ahead runs dry, when the reader parks and when the thread that resumed it is free.</summary>
    public IReceiveBurstObserver? BurstObserver { get; set; }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_readEnd != _readStart)
        {
            return new ValueTask<int>(CopyOut(buffer.Span));
        }

        if (buffer.Length >= ReadAheadSize)
        {
            return _inner.ReadAsync(buffer, cancellationToken);
        }

        if (Interlocked.CompareExchange(ref _refilling, 1, 0) != 0)
        {
            // Another read is still in flight (a WebSocket close handshake reads alongside the receive loop): this one
            // goes straight to the socket and leaves the read-ahead, and the parked read, alone.
            return _inner.ReadAsync(buffer, cancellationToken);
        }

        _readStart = 0;
        _readEnd = 0;
        var observer = BurstObserver;
        ValueTask<int> read;
        try
        {
            observer?.OnReceiveBurstEnded();
            read = _inner.ReadAsync(_readBuffer, cancellationToken);
            if (read.IsCompleted)
            {
                var count = read.GetAwaiter().GetResult();
                Volatile.Write(ref _refilling, 0);
                return new ValueTask<int>(Filled(count, buffer.Span));
            }
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _refilling, 0);
            return ValueTask.FromException<int>(ex);
        }

        if (observer is null)
        {
            return FillAsync(read, buffer);
        }

        // Park: whoever resumes the reader runs it, and afterwards lends its thread to the observer.
        _parked.Reset();
        _parkedDestination = buffer;
        _socketRead = read.ConfigureAwait(false).GetAwaiter();
        observer.OnReceiveParking();
        _socketRead.UnsafeOnCompleted(_resume);
        return new ValueTask<int>(this, _parked.Version);
    }

    private void Resume()
    {
        var observer = BurstObserver!;
        observer.OnReceiveResuming();
        try
        {
            var destination = _parkedDestination;
            _parkedDestination = default;
            var count = 0;
            Exception? error = null;
            try
            {
                count = Filled(_socketRead.GetResult(), destination.Span);
            }
            catch (Exception ex)
            {
                error = ex;
            }

            _socketRead = default;
            if (error is null)
            {
                _parked.SetResult(count);
            }
            else
            {
                _parked.SetException(error);
            }
        }
        finally
        {
            // The reader has run up to its next wait (or its end): this thread is free.
            observer.OnReceiveParked();
        }
    }

    private int Filled(int count, Span<byte> destination)
    {
        if (count == 0)
        {
            return 0;
        }

        _readEnd = count;
        BurstObserver?.OnReceiveBurstStarted();
        return CopyOut(destination);
    }

    private int CopyOut(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _readEnd - _readStart);
        _readBuffer.AsSpan(_readStart, count).CopyTo(destination);
        _readStart += count;
        return count;
    }

    // Without an observer (the opening handshake): an ordinary wait.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> FillAsync(ValueTask<int> read, Memory<byte> buffer)
    {
        int count;
        try
        {
            count = await read.ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _refilling, 0);
        }

        return Filled(count, buffer.Span);
    }

    int IValueTaskSource<int>.GetResult(short token)
    {
        try
        {
            return _parked.GetResult(token);
        }
        finally
        {
            // The parked read is consumed: the next refill may park again.
            Volatile.Write(ref _refilling, 0);
        }
    }

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _parked.GetStatus(token);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _parked.OnCompleted(continuation, state, token, flags);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (HoldWrites && _held.WrittenCount + buffer.Length <= MaxHeldBytes)
        {
            _held.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        if (_held.WrittenCount == 0)
        {
            return _inner.WriteAsync(buffer, cancellationToken);
        }

        _held.Write(buffer.Span);
        return WriteHeldAsync(cancellationToken);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        HoldWrites ? Task.CompletedTask : _inner.FlushAsync(cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush() => FlushAsync().GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => _inner.DisposeAsync();

    // Once per message: the state machine comes from a pool instead of the heap (each ValueTask is awaited once).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteHeldAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _inner.WriteAsync(_held.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _held.ResetWrittenCount();
        }
    }
}
