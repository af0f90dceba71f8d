using Wampy.Messages;

namespace Wampy.Session;

/// <summary>A request waiting for its reply, correlated by request id.</summary>
internal sealed class PendingRequest(WampMessageType replyType, string context)
    : TaskCompletionSource<WampMessage>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    /// <summary>The message type that answers the request successfully.</summary>
    public WampMessageType ReplyType => replyType;

    /// <summary>What the request does, e.g. "Call to 'com.example.add'", for error messages.</summary>
    public string Context => context;

    /// <summary>Runs on the receive loop with the successful reply, before the waiter resumes (e.g. to map a new registration).</summary>
    public Action<WampMessage>? OnReply { get; init; }
}
