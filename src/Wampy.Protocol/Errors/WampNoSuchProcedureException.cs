using Wampy.Payload;

namespace Wampy;

/// <summary><c>wamp.error.no_such_procedure</c>: No callee has registered the procedure. Is the service that provides it running?</summary>
public sealed class WampNoSuchProcedureException : WampException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="arguments">Positional arguments of the error, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments of the error, or <see langword="null"/>.</param>
    /// <param name="details">Details of the ERROR message, or <see langword="null"/>.</param>
    /// <param name="message">The exception message.</param>
    public WampNoSuchProcedureException(
        WampArguments? arguments = null,
        WampKeywordArguments? argumentsKw = null,
        IReadOnlyDictionary<string, object?>? details = null,
        string? message = null)
        : base(WampErrorUris.NoSuchProcedure, arguments, argumentsKw, details, message)
    {
    }
}
