using Microsoft.Extensions.Logging;
using Wampy.Messages;

namespace Wampy.Session;

/// <summary>
/// Frame-level tracing (log level Trace, what <c>wampy -v</c> shows): the direction, message type and request id of
/// every frame; never a payload, so no argument, ticket, secret or signature reaches a log.
/// </summary>
internal static class FrameTrace
{
    public static void Sent(ILogger logger, WampMessage message)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            Diagnostics.Log.Frame(logger, "sent", message.MessageType, RequestIdOf(message));
        }
    }

    public static void Received(ILogger logger, WampMessage message)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            Diagnostics.Log.Frame(logger, "received", message.MessageType, RequestIdOf(message));
        }
    }

    private static long? RequestIdOf(WampMessage message) => message switch
    {
        CallMessage m => m.RequestId,
        CancelMessage m => m.RequestId,
        ErrorMessage m => m.RequestId,
        InterruptMessage m => m.RequestId,
        InvocationMessage m => m.RequestId,
        PublishMessage m => m.RequestId,
        PublishedMessage m => m.RequestId,
        RegisterMessage m => m.RequestId,
        RegisteredMessage m => m.RequestId,
        ResultMessage m => m.RequestId,
        SubscribeMessage m => m.RequestId,
        SubscribedMessage m => m.RequestId,
        UnregisterMessage m => m.RequestId,
        UnregisteredMessage m => m.RequestId,
        UnsubscribeMessage m => m.RequestId,
        UnsubscribedMessage m => m.RequestId,
        YieldMessage m => m.RequestId,
        _ => null,
    };
}
