using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Tasks.Sources;

namespace Wampy.Transports;

/// <summary>
/// A connected socket read by a thread of its own with non-blocking socket calls and poll, so that the socket is
/// never registered with the runtime's socket engine. While frames arrive densely, the thread waits briefly before the next
/// read instead of sleeping on the socket: a router that writes every message on its own then queues the next ones
/// without waking anybody, and one read brings them all. Writes go out at once on the caller's thread; what the
/// socket's send buffer cannot take waits asynchronously (the socket engine then takes the socket over, for good).
/// </summary>
/// <remarks>
/// A read completes on the receive thread, which then runs the reader synchronously (the read-ahead above it hands
/// user work to the thread pool, never runs it here: see <c>WampSession.RunParked</c>). One read is outstanding at a
/// time in the common case and costs no allocation; a second, concurrent read (a WebSocket close handshake beside
/// the receive loop) is queued behind it.
/// </remarks>
internal sealed class DedicatedReceiveStream : ConnectionStream
{
    /// <summary>Reads that found the socket busier than this wait this long before the next read.</summary>
    internal static readonly TimeSpan CoalescingDelay = TimeSpan.FromMicroseconds(50);

    private static readonly bool CanPause = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    private readonly Socket _socket;
    private readonly EndPoint? _remote;
    private readonly object _gate = new();
    private readonly Queue<ReadRequest> _queued = new();
    private readonly ReadRequest _request = new();
    private readonly int _receiveThreadId;
    private bool _requestInUse;
    private bool _requestCompleting;
    private bool _disposed;
    private bool _dense;

    public DedicatedReceiveStream(Socket socket)
    {
        // Non-blocking without the socket engine: reads wait in poll on this stream's thread, sends never wait on the caller's.
        socket.Blocking = false;
        _socket = socket;
        _remote = socket.RemoteEndPoint;
        var thread = new Thread(ReceiveLoop) { IsBackground = true, Name = "Wampy receive" };
        _receiveThreadId = thread.ManagedThreadId;
        thread.Start();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ReadRequest request;
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.FromException<int>(new ObjectDisposedException(nameof(DedicatedReceiveStream)));
            }

            // The reusable request is free, or being completed on this very thread (its reader, having taken the result,
            // reads again); a read from elsewhere meanwhile (a close handshake) gets a request of its own.
            var reuse = !_requestInUse || (_requestCompleting && Environment.CurrentManagedThreadId == _receiveThreadId);
            request = reuse ? _request : new ReadRequest();
            _requestInUse = true;
            _requestCompleting &= !reuse;
            request.Start(buffer);
            _queued.Enqueue(request);
            if (_queued.Count == 1)
            {
                Monitor.Pulse(_gate);
            }
        }

        return new ValueTask<int>(request, request.Version);
    }

    /// <summary>Raised when a receive thread ends, with the address its connection went to (lets tests see that no thread is left behind).</summary>
    internal static event Action<EndPoint?>? ReceiveThreadEnded;

    private void ReceiveLoop()
    {
        try
        {
            ReceiveUntilDisposed();
        }
        finally
        {
            ReceiveThreadEnded?.Invoke(_remote);
        }
    }

    private void ReceiveUntilDisposed()
    {
        while (true)
        {
            ReadRequest request;
            lock (_gate)
            {
                while (_queued.Count == 0 && !_disposed)
                {
                    Monitor.Wait(_gate);
                }

                if (_queued.Count == 0)
                {
                    return;
                }

                request = _queued.Peek();
            }

            var count = 0;
            Exception? error = null;
            try
            {
                count = Receive(request.Buffer.Span);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                error = Volatile.Read(ref _disposed) ? new ObjectDisposedException(nameof(DedicatedReceiveStream)) : new IOException(ex.Message, ex);
            }

            lock (_gate)
            {
                _queued.Dequeue();
                _requestCompleting = request == _request;
            }

            // The reader runs on, synchronously, up to its next read.
            request.Complete(count, error);
            lock (_gate)
            {
                if (_requestCompleting)
                {
                    // Its reader did not read again from within the completion: the request is free.
                    _requestCompleting = false;
                    _requestInUse = false;
                }
            }
        }
    }

    /// <summary>
    /// Reads what the socket has; when it has nothing, waits in poll on this thread. While frames come faster than
    /// <see cref="CoalescingDelay"/>, it first pauses that long so that they queue up instead of each waking it.
    /// </summary>
    private int Receive(Span<byte> destination)
    {
        var paused = false;
        var waited = TimeSpan.Zero;
        while (true)
        {
            var count = _socket.Receive(destination, SocketFlags.None, out var error);
            if (error == SocketError.Success)
            {
                _dense = waited < CoalescingDelay;
                return count;
            }

            if (error != SocketError.WouldBlock)
            {
                throw new SocketException((int)error);
            }

            if (_dense && !paused && CanPause)
            {
                paused = true;
                _ = NativeMethods.usleep((uint)CoalescingDelay.TotalMicroseconds);
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            _socket.Poll(-1, SelectMode.SelectRead); // also returns when the socket is shut down
            waited += Stopwatch.GetElapsedTime(started);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int sent;
        try
        {
            sent = SendNow(buffer.Span);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return ValueTask.FromException(new IOException(ex.Message, ex));
        }

        // The rest waits for the router to read, without holding a thread (the socket engine takes the socket over).
        return sent == buffer.Length ? ValueTask.CompletedTask : SendRestAsync(buffer[sent..], cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            while (!buffer.IsEmpty)
            {
                buffer = buffer[SendNow(buffer)..];
                if (!buffer.IsEmpty)
                {
                    _socket.Poll(-1, SelectMode.SelectWrite);
                }
            }
        }
        catch (SocketException ex)
        {
            throw new IOException(ex.Message, ex);
        }
    }

    /// <summary>Sends what the socket's send buffer takes now; returns how many bytes that was.</summary>
    private int SendNow(ReadOnlySpan<byte> buffer)
    {
        var sent = 0;
        while (sent < buffer.Length)
        {
            var count = _socket.Send(buffer[sent..], SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                break;
            }

            if (error != SocketError.Success)
            {
                throw new SocketException((int)error);
            }

            sent += count;
        }

        return sent;
    }

    private async ValueTask SendRestAsync(ReadOnlyMemory<byte> rest, CancellationToken cancellationToken)
    {
        try
        {
            while (!rest.IsEmpty)
            {
                rest = rest[await _socket.SendAsync(rest, SocketFlags.None, cancellationToken).ConfigureAwait(false)..];
            }
        }
        catch (SocketException ex)
        {
            throw new IOException(ex.Message, ex);
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                Monitor.Pulse(_gate);
            }

            try
            {
                // Wakes the receive thread out of its read.
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }

            _socket.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One read: its destination and its completion, which runs the reader's continuation synchronously.</summary>
    private sealed class ReadRequest : IValueTaskSource<int>
    {
        private ManualResetValueTaskSourceCore<int> _core;

        public Memory<byte> Buffer { get; private set; }

        public short Version => _core.Version;

        public void Start(Memory<byte> buffer)
        {
            _core.Reset();
            Buffer = buffer;
        }

        public void Complete(int count, Exception? error)
        {
            Buffer = default;
            if (error is null)
            {
                _core.SetResult(count);
            }
            else
            {
                _core.SetException(error);
            }
        }

        public int GetResult(short token) => _core.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int usleep(uint microseconds);
    }
}
