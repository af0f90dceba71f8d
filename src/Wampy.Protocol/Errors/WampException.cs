using Wampy.Payload;

namespace Wampy;

/// <summary>
/// A WAMP error: an ERROR reply from a peer, or a failure Wampy reports with a WAMP error URI. Throw it from
/// a callee handler to send that exact error URI, arguments and keyword arguments to the caller.
/// </summary>
public class WampException : WampyException
{
    /// <summary>Creates an error with a URI and a message; the message becomes the first argument.</summary>
    /// <param name="error">The error URI, e.g. <c>com.example.error.not_found</c>.</param>
    /// <param name="message">A human-readable message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WampException(string error, string? message = null, Exception? innerException = null)
        : base(message ?? error, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        Error = error;
        Arguments = message is null ? null : WampArguments.From(message);
    }

    /// <summary>Creates an error with a URI, arguments, keyword arguments and details.</summary>
    /// <param name="error">The error URI.</param>
    /// <param name="arguments">Positional arguments of the error, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments of the error, or <see langword="null"/>.</param>
    /// <param name="details">Details of the ERROR message, or <see langword="null"/>.</param>
    /// <param name="message">The exception message; built from the URI and first argument when <see langword="null"/>.</param>
    public WampException(
        string error,
        WampArguments? arguments,
        WampKeywordArguments? argumentsKw = null,
        IReadOnlyDictionary<string, object?>? details = null,
        string? message = null)
        : base(message ?? Describe(error, arguments))
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        Error = error;
        Arguments = arguments;
        ArgumentsKw = argumentsKw;
        Details = details ?? WampDictionary.Empty;
    }

    /// <summary>The error URI.</summary>
    public string Error { get; }

    /// <summary>Positional arguments of the error, or <see langword="null"/>.</summary>
    public WampArguments? Arguments { get; }

    /// <summary>Keyword arguments of the error, or <see langword="null"/>.</summary>
    public WampKeywordArguments? ArgumentsKw { get; }

    /// <summary>Details of the ERROR message.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; } = WampDictionary.Empty;

    /// <summary>Builds the most specific exception type for an error URI received from a peer.</summary>
    /// <param name="error">The error URI.</param>
    /// <param name="arguments">Positional arguments, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments, or <see langword="null"/>.</param>
    /// <param name="details">Details, or <see langword="null"/>.</param>
    /// <param name="context">What was being done, e.g. "Call to 'com.example.add'", prefixed to the message.</param>
    /// <returns>The exception.</returns>
    public static WampException FromError(
        string error,
        WampArguments? arguments,
        WampKeywordArguments? argumentsKw,
        IReadOnlyDictionary<string, object?>? details,
        string? context = null)
    {
        var message = context is null ? Describe(error, arguments) : $"{context} failed: {Describe(error, arguments)}";
        return error switch
        {
            WampErrorUris.NoSuchProcedure => new WampNoSuchProcedureException(arguments, argumentsKw, details, message),
            WampErrorUris.NotAuthorized => new WampNotAuthorizedException(arguments, argumentsKw, details, message),
            WampErrorUris.Canceled => new WampCanceledException(arguments, argumentsKw, details, message),
            _ => new WampException(error, arguments, argumentsKw, details, message),
        };
    }

    private static string Describe(string error, WampArguments? arguments)
    {
        if (arguments is { Count: > 0 } && arguments.TryGet<string>(0, out var text) && !string.IsNullOrEmpty(text))
        {
            return $"{error} ({text})";
        }

        return error;
    }
}
