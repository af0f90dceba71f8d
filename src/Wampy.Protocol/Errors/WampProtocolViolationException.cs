namespace Wampy;

/// <summary>
/// A peer sent something WAMP does not allow: a malformed or unknown frame, a field of the wrong type, a reply
/// out of place. The session that received it is aborted with <c>wamp.error.protocol_violation</c>.
/// </summary>
public sealed class WampProtocolViolationException : WampException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong, naming the message type and field.</param>
    /// <param name="innerException">The decoder's error, if any.</param>
    public WampProtocolViolationException(string message, Exception? innerException = null)
        : base(WampErrorUris.ProtocolViolation, message, innerException)
    {
    }
}
