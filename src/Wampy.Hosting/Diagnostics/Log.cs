using Microsoft.Extensions.Logging;

namespace Wampy.Hosting.Diagnostics;

/// <summary>Source-generated log messages of the hosted session, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "Connecting to {Url}, realm {Realm}")]
    public static partial void Connecting(ILogger logger, string url, string realm);

    [LoggerMessage(102, LogLevel.Information, "Joined realm {Realm} as session {SessionId}; bound {Procedures} procedure(s) and {Topics} topic(s)")]
    public static partial void Joined(ILogger logger, string realm, long sessionId, int procedures, int topics);

    [LoggerMessage(103, LogLevel.Warning, "Connection attempt {Attempt} to {Url} failed ({Reason}); retrying in {Delay}")]
    public static partial void Reconnecting(ILogger logger, int attempt, string url, string reason, TimeSpan delay);

    [LoggerMessage(104, LogLevel.Error, "The router refused the session ({Reason}); retrying with backoff. Check Wampy:Realm and Wampy:Authentication.")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(105, LogLevel.Warning, "Session {SessionId} lost: {Reason} {Message}")]
    public static partial void SessionLost(ILogger logger, long? sessionId, string reason, string message);

    [LoggerMessage(106, LogLevel.Debug, "Bound {Kind} '{Uri}' to {Handler}")]
    public static partial void Bound(ILogger logger, string kind, string uri, string handler);

    [LoggerMessage(107, LogLevel.Error, "Could not bind {Kind} '{Uri}' to {Handler}")]
    public static partial void BindFailed(ILogger logger, string kind, string uri, string handler, Exception exception);

    [LoggerMessage(108, LogLevel.Information, "Shutting down: waiting up to {Timeout} for {Count} handler(s) in flight")]
    public static partial void Draining(ILogger logger, TimeSpan timeout, int count);

    [LoggerMessage(109, LogLevel.Warning, "Shutdown timeout reached with {Count} handler(s) still in flight; cancelling them")]
    public static partial void DrainTimeout(ILogger logger, int count);

    [LoggerMessage(110, LogLevel.Critical, "Giving up on the WAMP session after {Attempts} attempt(s); stopping the application")]
    public static partial void GaveUp(ILogger logger, int attempts, Exception exception);

    [LoggerMessage(111, LogLevel.Error, "Handler {Handler} failed for '{Uri}'")]
    public static partial void HandlerFailed(ILogger logger, string handler, string uri, Exception exception);

    [LoggerMessage(112, LogLevel.Information, "Session closed")]
    public static partial void Closed(ILogger logger);

    [LoggerMessage(113, LogLevel.Warning, "The router revoked the {Kind} '{Uri}' of {Handler} ({Reason}); {Next}")]
    public static partial void Revoked(ILogger logger, string kind, string uri, string handler, string reason, string next);
}
