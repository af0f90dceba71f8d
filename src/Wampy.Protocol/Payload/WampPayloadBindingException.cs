namespace Wampy.Payload;

/// <summary>
/// Arguments could not be bound to the requested .NET type (missing index or key, wrong JSON shape).
/// Thrown inside a callee handler, it reaches the caller as <c>wamp.error.invalid_argument</c>.
/// </summary>
public sealed class WampPayloadBindingException : WampException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be bound, naming the argument.</param>
    /// <param name="innerException">The serializer's error, if any.</param>
    public WampPayloadBindingException(string message, Exception? innerException = null)
        : base(WampErrorUris.InvalidArgument, message, innerException)
    {
    }
}
