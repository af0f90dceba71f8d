namespace Wampy;

/// <summary>
/// A call or request that did not complete within its timeout (<see cref="CallOptions.Timeout"/>,
/// <see cref="WampClientOptions.DefaultCallTimeout"/>, <see cref="WampClientOptions.ConnectTimeout"/>). The call
/// was canceled at the router when the router supports it. It is a <see cref="WampyException"/>, not a
/// <see cref="System.TimeoutException"/>: catch <see cref="WampTimeoutException"/> or <see cref="WampyException"/>.
/// </summary>
public sealed class WampTimeoutException : WampyException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out, and after how long.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WampTimeoutException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
