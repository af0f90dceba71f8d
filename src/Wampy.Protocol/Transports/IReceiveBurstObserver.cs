namespace Wampy.Transports;

/// <summary>
/// Told by a transport when the bytes it has read are all handed out (the next read goes to the socket) and when a
/// read from the socket brings more. Between the two, the reader is working through a burst of frames that arrived
/// together, and answers to them can leave together.
/// </summary>
internal interface IReceiveBurstObserver
{
    /// <summary>A read from the socket brought bytes: frames are being handed out.</summary>
    void OnReceiveBurstStarted();

    /// <summary>Every byte read so far has been handed out; the next read waits for the socket.</summary>
    void OnReceiveBurstEnded();
}

/// <summary>A connection that can tell an <see cref="IReceiveBurstObserver"/> about its receive bursts.</summary>
internal interface IReceiveBurstSource
{
    /// <summary>Set once, before the first receive.</summary>
    IReceiveBurstObserver? BurstObserver { set; }
}
