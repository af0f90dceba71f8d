using System.Text.Json;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Serialization.Json;

/// <summary>Encodes WAMP messages with a <see cref="Utf8JsonWriter"/>, in the field order of the specification.</summary>
internal static class JsonMessageWriter
{
    public static void Write(Utf8JsonWriter w, WampMessage message, JsonSerializerOptions options)
    {
        w.WriteStartArray();
        w.WriteNumberValue((int)message.MessageType);
        switch (message)
        {
            case HelloMessage m:
                w.WriteStringValue(m.Realm);
                JsonValueWriter.WriteDictionary(w, m.Details, options);
                break;
            case WelcomeMessage m:
                w.WriteNumberValue(m.SessionId);
                JsonValueWriter.WriteDictionary(w, m.Details, options);
                break;
            case AbortMessage m:
                JsonValueWriter.WriteDictionary(w, m.Details, options);
                w.WriteStringValue(m.Reason);
                break;
            case ChallengeMessage m:
                w.WriteStringValue(m.AuthMethod);
                JsonValueWriter.WriteDictionary(w, m.Extra, options);
                break;
            case AuthenticateMessage m:
                w.WriteStringValue(m.Signature);
                JsonValueWriter.WriteDictionary(w, m.Extra, options);
                break;
            case GoodbyeMessage m:
                JsonValueWriter.WriteDictionary(w, m.Details, options);
                w.WriteStringValue(m.Reason);
                break;
            case ErrorMessage m:
                w.WriteNumberValue((int)m.RequestType);
                w.WriteNumberValue(m.RequestId);
                JsonValueWriter.WriteDictionary(w, m.Details, options);
                w.WriteStringValue(m.Error);
                WritePayload(w, m, options);
                break;
            case PublishMessage m:
                w.WriteNumberValue(m.RequestId);
                JsonValueWriter.WriteDictionary(w, m.Options, options);
                w.WriteStringValue(m.Topic);
                WritePayload(w, m, options);
                break;
            case PublishedMessage m:
                w.WriteNumberValue(m.RequestId);
                w.WriteNumberValue(m.PublicationId);
                break;
            case SubscribeMessage m:
                w.WriteNumberValue(m.RequestId);
                JsonValueWriter.WriteDictionary(w, m.Options, options);
                w.WriteStringValue(m.Topic);
                break;
            case SubscribedMessage m:
                w.WriteNumberValue(m.RequestId);
                w.WriteNumberValue(m.SubscriptionId);
                break;
            case UnsubscribeMessage m:
                w.WriteNumberValue(m.RequestId);
                w.WriteNumberValue(m.SubscriptionId);
                break;
            case UnsubscribedMessage m:
                w.WriteNumberValue(m.RequestId);
                WriteOptionalDictionary(w, m.Details, options);
                break;
            case EventMessage m:
                w.WriteNumberValue(m.SubscriptionId);
                w.WriteNumberValue(m.PublicationId);
                JsonValueWriter.WriteDictionary(w, m.Details, options);
                WritePayload(w, m, options);
                break;
            case EventReceivedMessage m:
                w.WriteNumberValue(m.PublicationId);
                break;
            case CallMessage m:
                w.WriteNumberValue(m.RequestId);
                JsonValueWriter.WriteDictionary(w, m.Options, options);
                w.WriteStringValue(m.Procedure);
                WritePayload(w, m, options);
                break;
            case CancelMessage m:
                w.WriteNumberValue(m.RequestId);
                JsonValueWriter.WriteDictionary(w, m.Options, options);
                break;
            case ResultMessage m:
                w.WriteNumberValue(m.RequestId);
                JsonValueWriter.WriteDictionary(w, m.Details, options);
                WritePayload(w, m, options);
                break;
            case RegisterMessage m:
                w.WriteNumberValue(m.RequestId);
                JsonValueWriter.WriteDictionary(w, m.Options, options);
                w.WriteStringValue(m.Procedure);
                break;
            case RegisteredMessage m:
                w.WriteNumberValue(m.RequestId);
                w.WriteNumberValue(m.RegistrationId);
                break;
            case UnregisterMessage m:
                w.WriteNumberValue(m.RequestId);
                w.WriteNumberValue(m.RegistrationId);
                break;
            case UnregisteredMessage m:
                w.WriteNumberValue(m.RequestId);
                WriteOptionalDictionary(w, m.Details, options);
                break;
            case InvocationMessage m:
                w.WriteNumberValue(m.RequestId);
                w.WriteNumberValue(m.RegistrationId);
                JsonValueWriter.WriteDictionary(w, m.Details, options);
                WritePayload(w, m, options);
                break;
            case InterruptMessage m:
                w.WriteNumberValue(m.RequestId);
                JsonValueWriter.WriteDictionary(w, m.Options, options);
                break;
            case YieldMessage m:
                w.WriteNumberValue(m.RequestId);
                JsonValueWriter.WriteDictionary(w, m.Options, options);
                WritePayload(w, m, options);
                break;
            default:
                throw new ArgumentException($"The JSON serializer cannot write {message.GetType().Name}.", nameof(message));
        }

        w.WriteEndArray();
    }

    private static void WriteOptionalDictionary(Utf8JsonWriter w, IReadOnlyDictionary<string, object?>? dictionary, JsonSerializerOptions options)
    {
        if (dictionary is not null)
        {
            JsonValueWriter.WriteDictionary(w, dictionary, options);
        }
    }

    /// <summary>Writes the trailing arguments: omitted when empty, <c>[]</c> before keyword arguments, or the passthrough payload.</summary>
    private static void WritePayload(Utf8JsonWriter w, IWampPayloadMessage message, JsonSerializerOptions options)
    {
        if (message.Payload is { } payload)
        {
            WampBinaryJsonConverter.WriteBinary(w, payload);
            return;
        }

        var kwargs = message.ArgumentsKw;
        var args = message.Arguments;
        var hasKwargs = kwargs is not null && !kwargs.IsKnownEmpty;
        if (!hasKwargs && (args is null || args.Count == 0))
        {
            return;
        }

        JsonValueWriter.WriteArguments(w, args ?? WampArguments.Empty, options);
        if (hasKwargs)
        {
            JsonValueWriter.WriteKeywordArguments(w, kwargs!, options);
        }
    }
}
