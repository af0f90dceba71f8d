using Wampy.Messages;
using Microsoft.Extensions.Logging;

namespace Wampy.Diagnostics;

/// <summary>Source-generated log messages of the protocol engine, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Joined realm {Realm} as session {SessionId} via {Url} ({Subprotocol})")]
    public static partial void Joined(ILogger logger, string realm, long sessionId, Uri url, string subprotocol);

    [LoggerMessage(2, LogLevel.Information, "Session {SessionId} closed: {Reason} {Message}")]
    public static partial void SessionClosed(ILogger logger, long sessionId, string reason, string message);

    [LoggerMessage(3, LogLevel.Warning, "Session {SessionId} lost: {Message}")]
    public static partial void SessionLost(ILogger logger, long sessionId, string message, Exception? exception);

    [LoggerMessage(4, LogLevel.Error, "Protocol violation on session {SessionId}: {Message}")]
    public static partial void ProtocolViolation(ILogger logger, long sessionId, string message);

    [LoggerMessage(5, LogLevel.Debug, "Dropped {MessageType} for request {RequestId}: no request with that id is pending")]
    public static partial void UnknownRequest(ILogger logger, string messageType, long requestId);

    [LoggerMessage(6, LogLevel.Error, "Handler of procedure {Procedure} failed; the caller receives {Error}")]
    public static partial void InvocationFailed(ILogger logger, string procedure, string error, Exception exception);

    [LoggerMessage(7, LogLevel.Error, "Handler of topic {Topic} failed on publication {PublicationId}")]
    public static partial void EventHandlerFailed(ILogger logger, string topic, long publicationId, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Dropped an event of topic {Topic}: {Capacity} events already wait for its handlers (EventQueueCapacity)")]
    public static partial void EventDropped(ILogger logger, string topic, int capacity);

    [LoggerMessage(9, LogLevel.Debug, "Dropped EVENT for unknown subscription {SubscriptionId}")]
    public static partial void UnknownSubscription(ILogger logger, long subscriptionId);

    [LoggerMessage(10, LogLevel.Warning, "Invocation {RequestId} for unknown registration {RegistrationId} answered with wamp.error.no_such_registration")]
    public static partial void UnknownRegistration(ILogger logger, long requestId, long registrationId);

    [LoggerMessage(11, LogLevel.Warning, "The router revoked {Kind} {Id}: {Reason}")]
    public static partial void Revoked(ILogger logger, string kind, long id, string reason);

    [LoggerMessage(12, LogLevel.Debug, "Could not send the reply of invocation {RequestId}: the session is gone")]
    public static partial void ReplyNotSent(ILogger logger, long requestId);

    [LoggerMessage(14, LogLevel.Warning, "TLS certificate validation is OFF for {Url} (AllowUntrustedCertificates): anyone on the path can read and change this session. Use it for development only.")]
    public static partial void UntrustedCertificatesAllowed(ILogger logger, Uri url);

    [LoggerMessage(13, LogLevel.Warning, "A {EventName} event handler of the WAMP client failed")]
    public static partial void ClientEventHandlerFailed(ILogger logger, string eventName, Exception exception);

    [LoggerMessage(20, LogLevel.Debug, "{Request} completed quietly: it was already gone ({Reason})")]
    public static partial void AlreadyGone(ILogger logger, string request, string reason);

    [LoggerMessage(21, LogLevel.Information, "Connecting to {Url}, realm {Realm}")]
    public static partial void Connecting(ILogger logger, Uri url, string realm);

    [LoggerMessage(22, LogLevel.Warning, "Reconnecting to {Url} (attempt {Attempt}) in {Delay}: {Error}")]
    public static partial void Reconnecting(ILogger logger, Uri url, int attempt, string delay, string error);

    [LoggerMessage(23, LogLevel.Information, "Rejoined realm {Realm} as session {SessionId} (attempt {Attempt}); {Registrations} registrations and {Subscriptions} subscriptions restored")]
    public static partial void Reconnected(ILogger logger, string realm, long sessionId, int attempt, int registrations, int subscriptions);

    [LoggerMessage(24, LogLevel.Error, "Stopped reconnecting to {Url}: {Error}")]
    public static partial void GaveUp(ILogger logger, Uri url, string error, Exception? exception);

    [LoggerMessage(25, LogLevel.Error, "The router refused the session: {Reason}. Check the realm and the authentication settings; attempt {Attempt} in {Delay}")]
    public static partial void Refused(ILogger logger, string reason, int attempt, string delay);

    [LoggerMessage(32, LogLevel.Information, "A call to {Procedure} was rejected: {Reason}")]
    public static partial void InvocationRejected(ILogger logger, string procedure, string reason);

    [LoggerMessage(33, LogLevel.Trace, "{Direction} {MessageType} {RequestId}")]
    public static partial void Frame(ILogger logger, string direction, WampMessageType messageType, long? requestId);

    /// <summary>A delay as people read it: <c>850 ms</c>, <c>2.5 s</c>.</summary>
    public static string Readable(TimeSpan delay) =>
        delay < TimeSpan.FromSeconds(1) ? $"{delay.TotalMilliseconds:0} ms" : $"{delay.TotalSeconds:0.#} s";

    [LoggerMessage(26, LogLevel.Warning, "Binding {What} again after its revocation failed: {Error}")]
    public static partial void RebindFailed(ILogger logger, string what, string error);

    [LoggerMessage(27, LogLevel.Warning, "No frame from {Url} within {Timeout} of a heartbeat probe: the session is considered lost")]
    public static partial void HeartbeatMissed(ILogger logger, Uri url, TimeSpan timeout);

    [LoggerMessage(29, LogLevel.Error, "The router refused {Binding} ({Error}: {Message}); the client stays connected and retries it in the background. {Hint}.")]
    public static partial void BindingRefused(ILogger logger, string binding, string error, string message, string hint);

    [LoggerMessage(30, LogLevel.Debug, "The router still refuses {Binding} ({Error}); retrying")]
    public static partial void BindingStillRefused(ILogger logger, string binding, string error);

    [LoggerMessage(31, LogLevel.Information, "{Binding} is bound again (attempt {Attempt})")]
    public static partial void BindingRestored(ILogger logger, string binding, int attempt);

    [LoggerMessage(28, LogLevel.Warning, "Outbound queue full ({QueuedBytes} bytes, MaxOutboundQueueBytes {Limit}): calls and publications wait for the router to read")]
    public static partial void OutboundQueueFull(ILogger logger, long queuedBytes, int limit);

    [LoggerMessage(34, LogLevel.Error, "Work handed off by the receive loop of session {SessionId} failed; the process goes on")]
    public static partial void DispatchedWorkFailed(ILogger logger, long sessionId, Exception exception);
}
