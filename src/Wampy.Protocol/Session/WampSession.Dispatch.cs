using Wampy.Diagnostics;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Session;

internal sealed partial class WampSession
{
    /// <summary>Routes one received message. Runs on the receive loop: never blocks, never runs user code.</summary>
    private void Dispatch(WampMessage message)
    {
        switch (message)
        {
            case ResultMessage m when m.Details.GetBoolean("progress") == true:
                Progress(m);
                break;
            case ResultMessage m:
                Reply(m.RequestId, m);
                break;
            case ErrorMessage m:
                Fail(m);
                break;
            case InvocationMessage m:
                HandleInvocation(m);
                break;
            case InterruptMessage m:
                HandleInterrupt(m);
                break;
            case EventMessage m:
                HandleEvent(m);
                break;
            case RegisteredMessage m:
                Reply(m.RequestId, m);
                break;
            case SubscribedMessage m:
                Reply(m.RequestId, m);
                break;
            case PublishedMessage m:
                Reply(m.RequestId, m);
                break;
            case UnregisteredMessage { RequestId: 0 } m:
                HandleRegistrationRevoked(m);
                break;
            case UnregisteredMessage m:
                Reply(m.RequestId, m);
                break;
            case UnsubscribedMessage { RequestId: 0 } m:
                HandleSubscriptionRevoked(m);
                break;
            case UnsubscribedMessage m:
                Reply(m.RequestId, m);
                break;
            case GoodbyeMessage m:
                HandleGoodbye(m);
                break;
            case AbortMessage m:
                Terminate(m.Reason, $"The router aborted the session: {m.Reason} {m.Details.GetString("message")}".TrimEnd(), closedByClient: false, exception: null);
                break;
            default:
                throw new WampProtocolViolationException(
                    $"A client does not accept {message.MessageType.ToString().ToUpperInvariant()} in an established session.");
        }
    }

    private void Reply(long requestId, WampMessage reply)
    {
        if (!_pending.TryRemove(requestId, out var pending))
        {
            Log.UnknownRequest(_logger, reply.MessageType.ToString().ToUpperInvariant(), requestId);
            return;
        }

        if (reply.MessageType != pending.ReplyType)
        {
            pending.Fail(new WampProtocolViolationException(
                $"{pending.Context}: the router answered {reply.MessageType.ToString().ToUpperInvariant()} where {pending.ReplyType.ToString().ToUpperInvariant()} was expected."));
            return;
        }

        pending.OnReply?.Invoke(reply);
        pending.Complete(reply);
    }

    private void Progress(ResultMessage progress)
    {
        if (_pending.TryGet(progress.RequestId, out var pending) && pending.OnProgress is { } onProgress)
        {
            onProgress(progress);
        }
        else
        {
            Log.UnknownRequest(_logger, "progressive RESULT", progress.RequestId);
        }
    }

    private void Fail(ErrorMessage error)
    {
        if (!_pending.TryRemove(error.RequestId, out var pending))
        {
            Log.UnknownRequest(_logger, "ERROR", error.RequestId);
            return;
        }

        pending.Fail(WampException.FromError(error.Error, error.Arguments, error.ArgumentsKw, error.Details, pending.Context));
    }

    private void HandleGoodbye(GoodbyeMessage goodbye)
    {
        var reply = Volatile.Read(ref _goodbyeReply);
        if (reply is not null)
        {
            // Our GOODBYE was answered: when the router now drops the connection, that is the close we asked for.
            Interlocked.CompareExchange(ref _closeReason, new(_closingReason ?? WampErrorUris.CloseNormal, ClosedByClientMessage, closedByClient: true, null), null);
            reply.TrySetResult(goodbye);
            return;
        }

        // The router closes the session: answer, then end it.
        try
        {
            Send(new GoodbyeMessage(WampDictionary.Empty, WampErrorUris.GoodbyeAndOut));
        }
        catch (WampConnectionException)
        {
        }

        var text = goodbye.Details.GetString("message");
        Terminate(
            goodbye.Reason,
            $"The router closed the session: {goodbye.Reason}{(text is null ? string.Empty : " " + text)}",
            closedByClient: false,
            exception: null);
    }
}
