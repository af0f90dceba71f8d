using Wampy.Messages;
using Wampy.Payload;
using Wampy.Router.Sessions;

namespace Wampy.Router.Realms;

/// <summary>The ERROR replies the router sends itself: an error URI and a message a person can read.</summary>
internal static class RouterErrors
{
    public static ErrorMessage Error(WampMessageType type, long requestId, string error, string message) =>
        new(type, requestId, WampDictionary.Empty, error, WampArguments.From(message));

    /// <summary>Answers a session's request with such an ERROR.</summary>
    public static void Reply(RouterSession session, WampMessageType type, long requestId, string error, string message) =>
        session.Send(Error(type, requestId, error, message));
}
