namespace Wampy;

/// <summary>
/// The root of every exception Wampy throws for a WAMP failure: <see cref="WampException"/> (an error URI from a
/// peer or the router), <see cref="WampConnectionException"/> (the router unreachable or the session lost) and
/// <see cref="WampTimeoutException"/> (a call or request that did not complete in time). Catch it to handle them all.
/// </summary>
public abstract class WampyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected WampyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Whether trying again later may succeed: the connection was refused or lost, a request timed out. The
    /// client's reconnect pipeline retries these; an error URI from the router is not transient.
    /// </summary>
    public virtual bool IsTransient => false;
}
