using Microsoft.Extensions.Logging;
using Wampy.Messages;

namespace Wampy.Router.Diagnostics;

/// <summary>The router's log messages (event ids 201-229). Secrets and payloads are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(201, LogLevel.Information, "WAMP router listening on {Endpoints}; realms: {Realms}")]
    public static partial void Listening(ILogger logger, string endpoints, string realms);

    [LoggerMessage(202, LogLevel.Information, "WAMP router stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(203, LogLevel.Debug, "Session {SessionId} joined realm '{Realm}' as '{AuthId}' (role '{AuthRole}', method {AuthMethod}, {Transport})")]
    public static partial void SessionJoined(ILogger logger, long sessionId, string realm, string authId, string authRole, string authMethod, string transport);

    [LoggerMessage(204, LogLevel.Debug, "Session {SessionId} left realm '{Realm}'")]
    public static partial void SessionLeft(ILogger logger, long sessionId, string realm);

    [LoggerMessage(205, LogLevel.Warning, "Session {SessionId} aborted: {Reason}: {Message}")]
    public static partial void SessionAborted(ILogger logger, long sessionId, string reason, string message);

    [LoggerMessage(206, LogLevel.Error, "Session {SessionId} from {Peer} failed")]
    public static partial void SessionFailed(ILogger logger, Exception exception, long sessionId, string peer);

    [LoggerMessage(207, LogLevel.Warning, "Session {SessionId} closed as too slow: more than {Limit} messages or {ByteLimit} bytes waited to be sent to it")]
    public static partial void SlowConsumer(ILogger logger, long sessionId, int limit, long byteLimit);

    [LoggerMessage(208, LogLevel.Debug, "Sending to session {SessionId} failed")]
    public static partial void SendFailed(ILogger logger, Exception exception, long sessionId);

    [LoggerMessage(209, LogLevel.Debug, "Closing the connection of session {SessionId} failed")]
    public static partial void CloseFailed(ILogger logger, Exception exception, long sessionId);

    [LoggerMessage(210, LogLevel.Warning, "A {MessageType} for session {SessionId} could not be serialized and was dropped")]
    public static partial void SerializeFailed(ILogger logger, Exception exception, WampMessageType messageType, long sessionId);

    [LoggerMessage(211, LogLevel.Debug, "Session {SessionId} sent ABORT: {Reason}")]
    public static partial void ClientAborted(ILogger logger, long sessionId, string reason);

    [LoggerMessage(212, LogLevel.Debug, "Publication of session {SessionId} to '{Topic}' refused: {Error}")]
    public static partial void PublicationRefused(ILogger logger, long sessionId, string topic, string error);

    [LoggerMessage(213, LogLevel.Debug, "RawSocket handshake from {Peer} refused: {Reason}")]
    public static partial void RawSocketRefused(ILogger logger, string peer, string reason);

    [LoggerMessage(214, LogLevel.Debug, "WebSocket request from {Peer} refused: {Reason}")]
    public static partial void WebSocketRefused(ILogger logger, string peer, string reason);

    [LoggerMessage(215, LogLevel.Error, "IdentifyUser threw for the WebSocket from {Peer}; the client is refused")]
    public static partial void IdentifyUserFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(216, LogLevel.Information, "WebSocket from {Peer} refused: origin {Origin} is not allowed (WampyRouter:AllowedOrigins)")]
    public static partial void OriginRefused(ILogger logger, string peer, string origin);

    [LoggerMessage(230, LogLevel.Warning, "Closed a connection from {Address}: it already has {Limit} open (MaxConnectionsPerAddress)")]
    public static partial void ConnectionRefused(ILogger logger, string address, int limit);

    [LoggerMessage(231, LogLevel.Warning, "Connection from {Peer} aborted before joining: {Reason}: {Message}")]
    public static partial void ConnectionAborted(ILogger logger, string peer, string reason, string message);
}
