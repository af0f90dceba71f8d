using System.Buffers;
using System.Runtime.CompilerServices;

namespace Wampy.Transports.WebSockets;

/// <summary>
/// The byte stream under the WebSocket: reads ahead so that one receive system call brings every frame that has
/// arrived, and holds writes while more frames are queued (<see cref="HoldWrites"/>) so that a batch of frames
/// leaves in one send system call. Every write comes from the WebSocket under its send lock, so writes never
/// overlap; the held bytes go out with the next write made while <see cref="HoldWrites"/> is off.
/// </summary>
internal sealed class BatchingStream(Stream inner) : Stream
{
    private const int ReadAheadSize = 64 * 1024;
    private const int MaxHeldBytes = 256 * 1024;

    private readonly byte[] _readBuffer = new byte[ReadAheadSize];
    private readonly ArrayBufferWriter<byte> _held = new(4096);
    private int _readStart;
    private int _readEnd;

    /// <summary>While set, writes are held in memory (up to 256 KiB) instead of being sent.</summary>
    public bool HoldWrites { get; set; }

    /// <summary>Told when the read-ahead runs dry and when a read from the socket refills it.</summary>
    public IReceiveBurstObserver? BurstObserver { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    // Once per message: the state machine comes from a pool instead of the heap (each ValueTask is awaited once).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_readEnd == _readStart)
        {
            if (buffer.Length >= ReadAheadSize)
            {
                return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }

            _readStart = 0;
            _readEnd = 0;
            BurstObserver?.OnReceiveBurstEnded();
            _readEnd = await inner.ReadAsync(_readBuffer, cancellationToken).ConfigureAwait(false);
            if (_readEnd == 0)
            {
                return 0;
            }

            BurstObserver?.OnReceiveBurstStarted();
        }

        var count = Math.Min(buffer.Length, _readEnd - _readStart);
        _readBuffer.AsSpan(_readStart, count).CopyTo(buffer.Span);
        _readStart += count;
        return count;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (HoldWrites && _held.WrittenCount + buffer.Length <= MaxHeldBytes)
        {
            _held.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        if (_held.WrittenCount == 0)
        {
            return inner.WriteAsync(buffer, cancellationToken);
        }

        _held.Write(buffer.Span);
        return WriteHeldAsync(cancellationToken);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        HoldWrites ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush() => FlushAsync().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    // Once per message: the state machine comes from a pool instead of the heap (each ValueTask is awaited once).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteHeldAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.WriteAsync(_held.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _held.ResetWrittenCount();
        }
    }
}
