using Wampy.Payload;

namespace Wampy;

/// <summary><c>wamp.error.not_authorized</c>: The router refused the action for this session's role.</summary>
public sealed class WampNotAuthorizedException : WampException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="arguments">Positional arguments of the error, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments of the error, or <see langword="null"/>.</param>
    /// <param name="details">Details of the ERROR message, or <see langword="null"/>.</param>
    /// <param name="message">The exception message.</param>
    public WampNotAuthorizedException(
        WampArguments? arguments = null,
        WampKeywordArguments? argumentsKw = null,
        IReadOnlyDictionary<string, object?>? details = null,
        string? message = null)
        : base(WampErrorUris.NotAuthorized, arguments, argumentsKw, details, message)
    {
    }
}
