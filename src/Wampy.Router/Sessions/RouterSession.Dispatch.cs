using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Router.Sessions;

internal sealed partial class RouterSession
{
    /// <summary>Hands one message of an established session to the realm; <see langword="false"/> ends the session.</summary>
    private bool Dispatch(WampMessage message)
    {
        // Option and detail types were checked by the serializer: a bad one is a protocol violation.
        var realm = Realm!;
        switch (message)
        {
            case CallMessage call:
                realm.Dealer.Call(this, call);
                return true;
            case YieldMessage yield:
                realm.Dealer.Yield(this, yield);
                return true;
            case ErrorMessage { RequestType: WampMessageType.Invocation } error:
                realm.Dealer.InvocationFailed(this, error);
                return true;
            case CancelMessage cancel:
                realm.Dealer.Cancel(this, cancel);
                return true;
            case RegisterMessage register:
                realm.Dealer.Register(this, register);
                return true;
            case UnregisterMessage unregister:
                realm.Dealer.Unregister(this, unregister);
                return true;
            case PublishMessage publish:
                realm.Broker.Publish(this, publish);
                return true;
            case SubscribeMessage subscribe:
                realm.Broker.Subscribe(this, subscribe);
                return true;
            case UnsubscribeMessage unsubscribe:
                realm.Broker.Unsubscribe(this, unsubscribe);
                return true;
            case GoodbyeMessage:
                if (!_shuttingDown)
                {
                    Send(new GoodbyeMessage(WampDictionary.Empty, WampErrorUris.GoodbyeAndOut));
                }

                End();
                return false;
            case AbortMessage abort:
                Diagnostics.Log.ClientAborted(_logger, Id, abort.Reason);
                End();
                return false;
            default:
                Abort(
                    WampErrorUris.ProtocolViolation,
                    $"{message.MessageType.ToString().ToUpperInvariant()} is not a message a client may send in an established session.");
                return false;
        }
    }
}
