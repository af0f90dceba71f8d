using Wampy.Payload;

namespace Wampy;

/// <summary><c>wamp.error.canceled</c>: The call was canceled (by the caller, a timeout, or the router).</summary>
public sealed class WampCanceledException : WampException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="arguments">Positional arguments of the error, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments of the error, or <see langword="null"/>.</param>
    /// <param name="details">Details of the ERROR message, or <see langword="null"/>.</param>
    /// <param name="message">The exception message.</param>
    public WampCanceledException(
        WampArguments? arguments = null,
        WampKeywordArguments? argumentsKw = null,
        IReadOnlyDictionary<string, object?>? details = null,
        string? message = null)
        : base(WampErrorUris.Canceled, arguments, argumentsKw, details, message)
    {
    }
}
