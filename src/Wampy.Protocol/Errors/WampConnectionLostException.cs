namespace Wampy;

/// <summary>
/// The session ended while a request was pending (transport dropped, router GOODBYE or ABORT, protocol
/// violation): the request's outcome is unknown. Every pending request fails with this at once.
/// </summary>
public sealed class WampConnectionLostException : WampConnectionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What ended the session.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WampConnectionLostException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
