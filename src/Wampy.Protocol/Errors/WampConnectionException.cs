namespace Wampy;

/// <summary>The connection to the router could not be made, or was lost. Retrying later may succeed.</summary>
public class WampConnectionException : WampyException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, naming the router address where known.</param>
    /// <param name="innerException">The transport's error, if any.</param>
    public WampConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
