using Wampy.Messages;

namespace Wampy.Session;

/// <summary>A request waiting for its reply, correlated by request id.</summary>
/// <param name="replyType">The message type that answers the request successfully.</param>
/// <param name="action">What the request does, e.g. "Call to".</param>
/// <param name="uri">The procedure or topic, for error messages.</param>
internal sealed class PendingRequest(WampMessageType replyType, string action, string uri)
    : TaskCompletionSource<WampMessage>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    /// <summary>The message type that answers the request successfully.</summary>
    public WampMessageType ReplyType => replyType;

    /// <summary>What the request does, e.g. "Call to 'com.example.add'", for error messages (built only when needed).</summary>
    public string Context => $"{action} '{uri}'";

    /// <summary>Runs on the receive loop with the successful reply, before the waiter resumes (e.g. to map a new registration).</summary>
    public Action<WampMessage>? OnReply { get; init; }

    /// <summary>Receives progressive RESULTs (details <c>progress</c>) of a call that asked for them; the request stays pending.</summary>
    public Action<ResultMessage>? OnProgress { get; init; }

    /// <summary>Runs when the caller gives up waiting (timeout, cancellation, an abandoned stream) before the reply came.</summary>
    public Action? OnAbandon { get; init; }
}
