using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Serialization;

/// <summary>
/// The field layout of every WAMP message, written once for all wire formats: each serializer supplies a field
/// reader and a field writer, and this class says which fields come in which order.
/// </summary>
internal static class MessageLayout
{
    public static WampMessage Read<TReader>(ref TReader r)
        where TReader : IWampFieldReader, allows ref struct
    {
        var code = r.ReadTypeCode();
        r.MessageType = (WampMessageType)code;
        WampMessage message;
        switch ((WampMessageType)code)
        {
            case WampMessageType.Hello:
                message = new HelloMessage(r.ReadString("Realm"), r.ReadDictionary("Details"));
                r.End();
                return message;
            case WampMessageType.Welcome:
                message = new WelcomeMessage(r.ReadId("Session"), r.ReadDictionary("Details"));
                r.End();
                return message;
            case WampMessageType.Abort:
                message = new AbortMessage(r.ReadDictionary("Details"), r.ReadString("Reason"));
                r.End();
                return message;
            case WampMessageType.Challenge:
                message = new ChallengeMessage(r.ReadString("AuthMethod"), r.ReadDictionary("Extra"));
                r.End();
                return message;
            case WampMessageType.Authenticate:
                message = new AuthenticateMessage(r.ReadString("Signature"), r.ReadDictionary("Extra"));
                r.End();
                return message;
            case WampMessageType.Goodbye:
                message = new GoodbyeMessage(r.ReadDictionary("Details"), r.ReadString("Reason"));
                r.End();
                return message;
            case WampMessageType.Error:
            {
                var requestType = (WampMessageType)r.ReadInt32("REQUEST.Type");
                var requestId = r.ReadId("REQUEST.Request");
                var details = r.ReadDictionary("Details");
                var error = r.ReadString("Error");
                r.ReadPayloadAndEnd(details, out var args, out var kwargs, out var payload);
                return new ErrorMessage(requestType, requestId, details, error, args, kwargs) { Payload = payload };
            }

            case WampMessageType.Publish:
            {
                var requestId = r.ReadId("Request");
                var options = r.ReadDictionary("Options");
                var topic = r.ReadString("Topic");
                r.ReadPayloadAndEnd(options, out var args, out var kwargs, out var payload);
                return new PublishMessage(requestId, options, topic, args, kwargs) { Payload = payload };
            }

            case WampMessageType.Published:
                message = new PublishedMessage(r.ReadId("PUBLISH.Request"), r.ReadId("Publication"));
                r.End();
                return message;
            case WampMessageType.Subscribe:
                message = new SubscribeMessage(r.ReadId("Request"), r.ReadDictionary("Options"), r.ReadString("Topic"));
                r.End();
                return message;
            case WampMessageType.Subscribed:
                message = new SubscribedMessage(r.ReadId("SUBSCRIBE.Request"), r.ReadId("Subscription"));
                r.End();
                return message;
            case WampMessageType.Unsubscribe:
                message = new UnsubscribeMessage(r.ReadId("Request"), r.ReadId("SUBSCRIBED.Subscription"));
                r.End();
                return message;
            case WampMessageType.Unsubscribed:
            {
                var requestId = r.ReadId("UNSUBSCRIBE.Request");
                return new UnsubscribedMessage(requestId, r.ReadOptionalDictionaryAndEnd("Details"));
            }

            case WampMessageType.Event:
            {
                var subscription = r.ReadId("SUBSCRIBED.Subscription");
                var publication = r.ReadId("PUBLISHED.Publication");
                var details = r.ReadDictionary("Details");
                r.ReadPayloadAndEnd(details, out var args, out var kwargs, out var payload);
                return new EventMessage(subscription, publication, details, args, kwargs) { Payload = payload };
            }

            case WampMessageType.EventReceived:
            {
                var publication = r.ReadId("EVENT.Publication");
                r.ReadOptionalDictionaryAndEnd("Details");
                return new EventReceivedMessage(publication);
            }

            case WampMessageType.Call:
            {
                var requestId = r.ReadId("Request");
                var options = r.ReadDictionary("Options");
                var procedure = r.ReadString("Procedure");
                r.ReadPayloadAndEnd(options, out var args, out var kwargs, out var payload);
                return new CallMessage(requestId, options, procedure, args, kwargs) { Payload = payload };
            }

            case WampMessageType.Cancel:
                message = new CancelMessage(r.ReadId("CALL.Request"), r.ReadDictionary("Options"));
                r.End();
                return message;
            case WampMessageType.Result:
            {
                var requestId = r.ReadId("CALL.Request");
                var details = r.ReadDictionary("Details");
                r.ReadPayloadAndEnd(details, out var args, out var kwargs, out var payload);
                return new ResultMessage(requestId, details, args, kwargs) { Payload = payload };
            }

            case WampMessageType.Register:
                message = new RegisterMessage(r.ReadId("Request"), r.ReadDictionary("Options"), r.ReadString("Procedure"));
                r.End();
                return message;
            case WampMessageType.Registered:
                message = new RegisteredMessage(r.ReadId("REGISTER.Request"), r.ReadId("Registration"));
                r.End();
                return message;
            case WampMessageType.Unregister:
                message = new UnregisterMessage(r.ReadId("Request"), r.ReadId("REGISTERED.Registration"));
                r.End();
                return message;
            case WampMessageType.Unregistered:
            {
                var requestId = r.ReadId("UNREGISTER.Request");
                return new UnregisteredMessage(requestId, r.ReadOptionalDictionaryAndEnd("Details"));
            }

            case WampMessageType.Invocation:
            {
                var requestId = r.ReadId("Request");
                var registration = r.ReadId("REGISTERED.Registration");
                var details = r.ReadDictionary("Details");
                r.ReadPayloadAndEnd(details, out var args, out var kwargs, out var payload);
                return new InvocationMessage(requestId, registration, details, args, kwargs) { Payload = payload };
            }

            case WampMessageType.Interrupt:
                message = new InterruptMessage(r.ReadId("INVOCATION.Request"), r.ReadDictionary("Options"));
                r.End();
                return message;
            case WampMessageType.Yield:
            {
                var requestId = r.ReadId("INVOCATION.Request");
                var options = r.ReadDictionary("Options");
                r.ReadPayloadAndEnd(options, out var args, out var kwargs, out var payload);
                return new YieldMessage(requestId, options, args, kwargs) { Payload = payload };
            }

            default:
                throw new WampProtocolViolationException($"Unknown WAMP message type {code}.");
        }
    }

    public static void Write<TWriter>(ref TWriter w, WampMessage message)
        where TWriter : IWampFieldWriter, allows ref struct
    {
        var type = (int)message.MessageType;
        switch (message)
        {
            case HelloMessage m:
                Start(ref w, type, 3);
                w.WriteString(m.Realm);
                w.WriteDictionary(m.Details);
                break;
            case WelcomeMessage m:
                Start(ref w, type, 3);
                w.WriteInteger(m.SessionId);
                w.WriteDictionary(m.Details);
                break;
            case AbortMessage m:
                Start(ref w, type, 3);
                w.WriteDictionary(m.Details);
                w.WriteString(m.Reason);
                break;
            case ChallengeMessage m:
                Start(ref w, type, 3);
                w.WriteString(m.AuthMethod);
                w.WriteDictionary(m.Extra);
                break;
            case AuthenticateMessage m:
                Start(ref w, type, 3);
                w.WriteString(m.Signature);
                w.WriteDictionary(m.Extra);
                break;
            case GoodbyeMessage m:
                Start(ref w, type, 3);
                w.WriteDictionary(m.Details);
                w.WriteString(m.Reason);
                break;
            case ErrorMessage m:
                Start(ref w, type, 5 + PayloadCount(m));
                w.WriteInteger((int)m.RequestType);
                w.WriteInteger(m.RequestId);
                w.WriteDictionary(m.Details);
                w.WriteString(m.Error);
                WritePayload(ref w, m);
                break;
            case PublishMessage m:
                Start(ref w, type, 4 + PayloadCount(m));
                w.WriteInteger(m.RequestId);
                w.WriteDictionary(m.Options);
                w.WriteString(m.Topic);
                WritePayload(ref w, m);
                break;
            case PublishedMessage m:
                Ids(ref w, type, m.RequestId, m.PublicationId);
                break;
            case SubscribeMessage m:
                Start(ref w, type, 4);
                w.WriteInteger(m.RequestId);
                w.WriteDictionary(m.Options);
                w.WriteString(m.Topic);
                break;
            case SubscribedMessage m:
                Ids(ref w, type, m.RequestId, m.SubscriptionId);
                break;
            case UnsubscribeMessage m:
                Ids(ref w, type, m.RequestId, m.SubscriptionId);
                break;
            case UnsubscribedMessage m:
                Start(ref w, type, m.Details is null ? 2 : 3);
                w.WriteInteger(m.RequestId);
                OptionalDictionary(ref w, m.Details);
                break;
            case EventMessage m:
                Start(ref w, type, 4 + PayloadCount(m));
                w.WriteInteger(m.SubscriptionId);
                w.WriteInteger(m.PublicationId);
                w.WriteDictionary(m.Details);
                WritePayload(ref w, m);
                break;
            case EventReceivedMessage m:
                Start(ref w, type, 2);
                w.WriteInteger(m.PublicationId);
                break;
            case CallMessage m:
                Start(ref w, type, 4 + PayloadCount(m));
                w.WriteInteger(m.RequestId);
                w.WriteDictionary(m.Options);
                w.WriteString(m.Procedure);
                WritePayload(ref w, m);
                break;
            case CancelMessage m:
                Start(ref w, type, 3);
                w.WriteInteger(m.RequestId);
                w.WriteDictionary(m.Options);
                break;
            case ResultMessage m:
                Start(ref w, type, 3 + PayloadCount(m));
                w.WriteInteger(m.RequestId);
                w.WriteDictionary(m.Details);
                WritePayload(ref w, m);
                break;
            case RegisterMessage m:
                Start(ref w, type, 4);
                w.WriteInteger(m.RequestId);
                w.WriteDictionary(m.Options);
                w.WriteString(m.Procedure);
                break;
            case RegisteredMessage m:
                Ids(ref w, type, m.RequestId, m.RegistrationId);
                break;
            case UnregisterMessage m:
                Ids(ref w, type, m.RequestId, m.RegistrationId);
                break;
            case UnregisteredMessage m:
                Start(ref w, type, m.Details is null ? 2 : 3);
                w.WriteInteger(m.RequestId);
                OptionalDictionary(ref w, m.Details);
                break;
            case InvocationMessage m:
                Start(ref w, type, 4 + PayloadCount(m));
                w.WriteInteger(m.RequestId);
                w.WriteInteger(m.RegistrationId);
                w.WriteDictionary(m.Details);
                WritePayload(ref w, m);
                break;
            case InterruptMessage m:
                Start(ref w, type, 3);
                w.WriteInteger(m.RequestId);
                w.WriteDictionary(m.Options);
                break;
            case YieldMessage m:
                Start(ref w, type, 3 + PayloadCount(m));
                w.WriteInteger(m.RequestId);
                w.WriteDictionary(m.Options);
                WritePayload(ref w, m);
                break;
            default:
                throw new ArgumentException($"No serializer can write {message.GetType().Name}.", nameof(message));
        }

        w.EndMessage();
    }

    private static void Start<TWriter>(ref TWriter w, int type, int count)
        where TWriter : IWampFieldWriter, allows ref struct
    {
        w.StartMessage(count);
        w.WriteInteger(type);
    }

    private static void Ids<TWriter>(ref TWriter w, int type, long first, long second)
        where TWriter : IWampFieldWriter, allows ref struct
    {
        Start(ref w, type, 3);
        w.WriteInteger(first);
        w.WriteInteger(second);
    }

    private static void OptionalDictionary<TWriter>(ref TWriter w, IReadOnlyDictionary<string, object?>? dictionary)
        where TWriter : IWampFieldWriter, allows ref struct
    {
        if (dictionary is not null)
        {
            w.WriteDictionary(dictionary);
        }
    }

    /// <summary>How many trailing payload elements a message has: 0 (none), 1 (args or payload) or 2 (args and kwargs).</summary>
    private static int PayloadCount(IWampPayloadMessage message)
    {
        if (message.Payload is not null)
        {
            return 1;
        }

        if (message.ArgumentsKw is { IsKnownEmpty: false })
        {
            return 2;
        }

        return message.Arguments is { IsKnownEmpty: false } ? 1 : 0;
    }

    /// <summary>Writes the trailing elements counted by <see cref="PayloadCount"/>.</summary>
    private static void WritePayload<TWriter>(ref TWriter w, IWampPayloadMessage message)
        where TWriter : IWampFieldWriter, allows ref struct
    {
        switch (PayloadCount(message))
        {
            case 1 when message.Payload is { } payload:
                w.WriteBinary(payload);
                break;
            case 1:
                w.WriteArguments(message.Arguments!);
                break;
            case 2:
                w.WriteArguments(message.Arguments ?? WampArguments.Empty);
                w.WriteKeywordArguments(message.ArgumentsKw!);
                break;
        }
    }
}
