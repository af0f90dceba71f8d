namespace Wampy.Transports;

/// <summary>
/// Told by a connection's byte stream how its reader is doing. Between <see cref="OnReceiveBurstStarted"/> and
/// <see cref="OnReceiveBurstEnded"/>, the reader is handing out frames that arrived together, and answers to them can
/// leave together. When the reader has to wait for the socket it parks (<see cref="OnReceiveParking"/>, on the
/// reader's thread); the socket's completion resumes it on a thread of its own, and once the reader waits again,
/// that thread is free for other work (<see cref="OnReceiveParked"/>): receiving never waits for it.
/// </summary>
internal interface IReceiveBurstObserver
{
    /// <summary>A read from the socket brought bytes: frames are being handed out.</summary>
    void OnReceiveBurstStarted();

    /// <summary>Every byte read so far has been handed out; the next read goes to the socket.</summary>
    void OnReceiveBurstEnded();

    /// <summary>The socket's completion is about to run the reader on this thread.</summary>
    void OnReceiveResuming();

    /// <summary>The reader waits for the socket; called on the reader's thread just before it stops running.</summary>
    void OnReceiveParking();

    /// <summary>The thread that resumed the reader is free again: the reader waits (for the socket or for something else) or has ended.</summary>
    void OnReceiveParked();
}

/// <summary>A connection that can tell an <see cref="IReceiveBurstObserver"/> about its receive bursts.</summary>
internal interface IReceiveBurstSource
{
    /// <summary>Set once, before the first receive.</summary>
    IReceiveBurstObserver? BurstObserver { set; }
}
