using System.Buffers;

namespace Wampy.Session;

/// <summary>An <see cref="IBufferWriter{T}"/> on arrays rented from <see cref="ArrayPool{T}"/>; one per outgoing frame.</summary>
internal sealed class PooledFrameWriter : IBufferWriter<byte>, IDisposable
{
    /// <summary>Writers kept for reuse (with their buffers): a message to send costs no allocation once warm.</summary>
    private const int PoolCapacity = 256;

    /// <summary>A writer whose buffer grew past this goes back to the array pool instead of being kept.</summary>
    private const int LargestKeptBuffer = 16 * 1024;

    private static readonly System.Collections.Concurrent.ConcurrentQueue<PooledFrameWriter> Pool = new();
    private static int s_pooled;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(512);
    private int _written;

    /// <summary>A writer from the pool, or a new one.</summary>
    public static PooledFrameWriter Rent()
    {
        if (Pool.TryDequeue(out var writer))
        {
            Interlocked.Decrement(ref s_pooled);
            return writer;
        }

        return new PooledFrameWriter();
    }

    /// <summary>Gives the writer back for reuse (its buffer too, unless it grew large); it must not be used afterwards.</summary>
    public void Return()
    {
        _written = 0;
        if (_buffer.Length == 0 || _buffer.Length > LargestKeptBuffer)
        {
            Dispose();
            return;
        }

        if (Interlocked.Increment(ref s_pooled) > PoolCapacity)
        {
            Interlocked.Decrement(ref s_pooled);
            Dispose();
            return;
        }

        Pool.Enqueue(this);
    }

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public int WrittenCount => _written;

    public void Reset() => _written = 0;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= sizeHint)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + sizeHint));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
