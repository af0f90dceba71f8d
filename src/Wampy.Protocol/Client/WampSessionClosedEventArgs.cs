namespace Wampy;

/// <summary>Why a session ended.</summary>
public sealed class WampSessionClosedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="reason">The GOODBYE or ABORT reason URI, or a Wampy description such as <c>wampy.close.connection_lost</c>.</param>
    /// <param name="message">A human-readable explanation.</param>
    /// <param name="closedByClient">Whether this client asked for the close.</param>
    /// <param name="exception">The error that ended the session, if any.</param>
    public WampSessionClosedEventArgs(string reason, string message, bool closedByClient, Exception? exception)
    {
        Reason = reason;
        Message = message;
        ClosedByClient = closedByClient;
        Exception = exception;
    }

    /// <summary>The GOODBYE or ABORT reason URI, or <c>wampy.close.connection_lost</c> / <c>wamp.error.protocol_violation</c>.</summary>
    public string Reason { get; }

    /// <summary>A human-readable explanation.</summary>
    public string Message { get; }

    /// <summary>Whether this client asked for the close (<see cref="WampClient.CloseAsync"/>).</summary>
    public bool ClosedByClient { get; }

    /// <summary>The error that ended the session, if any.</summary>
    public Exception? Exception { get; }
}
