using Microsoft.Extensions.Logging;

namespace Wampy.Hosting.Diagnostics;

/// <summary>Source-generated log messages of the hosted client, with stable event ids (the client logs connecting, losses and reconnects itself).</summary>
internal static partial class Log
{
    [LoggerMessage(102, LogLevel.Information, "Handlers ready in realm {Realm} (session {SessionId}): bound {Procedures} procedure(s) and {Topics} topic(s)")]
    public static partial void Joined(ILogger logger, string realm, long? sessionId, int procedures, int topics);

    [LoggerMessage(106, LogLevel.Debug, "Bound {Kind} '{Uri}' to {Handler}")]
    public static partial void Bound(ILogger logger, string kind, string uri, string handler);

    [LoggerMessage(107, LogLevel.Critical, "The router refused to bind {Kind} '{Uri}' to {Handler}; stopping the application")]
    public static partial void BindFailed(ILogger logger, string kind, string uri, string handler, Exception exception);

    [LoggerMessage(108, LogLevel.Information, "Shutting down: waiting up to {Timeout} for {Count} handler(s) in flight")]
    public static partial void Draining(ILogger logger, TimeSpan timeout, int count);

    [LoggerMessage(109, LogLevel.Warning, "Shutdown timeout reached with {Count} handler(s) still in flight; cancelling them")]
    public static partial void DrainTimeout(ILogger logger, int count);

    [LoggerMessage(110, LogLevel.Critical, "The WAMP client stopped for good ({Reason}: {Message}); stopping the application")]
    public static partial void GaveUp(ILogger logger, string reason, string message, Exception? exception);

    [LoggerMessage(111, LogLevel.Error, "Handler {Handler} failed for '{Uri}'")]
    public static partial void HandlerFailed(ILogger logger, string handler, string uri, Exception exception);

    [LoggerMessage(112, LogLevel.Information, "Session closed")]
    public static partial void Closed(ILogger logger);

    [LoggerMessage(113, LogLevel.Warning, "The router revoked the {Kind} '{Uri}' of {Handler} ({Reason})")]
    public static partial void Revoked(ILogger logger, string kind, string uri, string handler, string reason);

    [LoggerMessage(114, LogLevel.Critical, "Connecting to {Url} failed and will not be retried (a refused handler binding, a protocol violation, or Reconnect:RetryOnInitialConnect off); stopping the application")]
    public static partial void ConnectFailed(ILogger logger, Uri url, Exception exception);

    [LoggerMessage(115, LogLevel.Critical, "Wampy configuration is invalid; the host cannot start: {Problems}")]
    public static partial void InvalidOptions(ILogger logger, string problems);
}
