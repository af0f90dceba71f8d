using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Json;
using Wampy.Serialization.MessagePack;
using Wampy.Serialization.Cbor;
using Wampy.TestPeers;

namespace Wampy.Tests.Serialization;

/// <summary>
/// The WAMP project's own conformance vectors (tests/Wampy.Protocol.Tests/TestVectors/wamp-testsuite, copied
/// from wamp-proto with its attribution): every JSON variant decodes to the expected attributes, re-encoding
/// decodes to the same attributes, and every validation sample is accepted or rejected as the file says.
/// </summary>
public class TestVectorTests
{
    private static readonly JsonWampSerializer Serializer = JsonWampSerializer.Default;

    private static readonly Dictionary<string, IWampSerializer> Serializers = new()
    {
        ["json"] = JsonWampSerializer.Default,
        ["msgpack"] = MessagePackWampSerializer.Default,
        ["cbor"] = CborWampSerializer.Default,
    };

    public static TheoryData<string, int, string> SerializationSamples()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var (file, samples) in VectorFiles())
        {
            for (var i = 0; i < samples.Count; i++)
            {
                foreach (var name in Serializers.Keys)
                {
                    if (samples[i]!["serializers"]?[name] is not null)
                    {
                        data.Add(file, i, name);
                    }
                }
            }
        }

        return data;
    }

    public static TheoryData<string, int> ValidationSamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, samples) in VectorFiles())
        {
            for (var i = 0; i < samples.Count; i++)
            {
                if (samples[i]!["wmsg"] is not null)
                {
                    data.Add(file, i);
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_vectors_are_present_and_cover_every_basic_message()
    {
        var files = VectorFiles().Select(f => f.File).ToList();
        Assert.True(files.Count >= 26, $"only {files.Count} vector files found");
        Assert.True(SerializationSamples().Count(s => (string)s[2] == "json") >= 30);
        Assert.True(SerializationSamples().Count(s => (string)s[2] == "msgpack") >= 30);
        Assert.True(SerializationSamples().Count(s => (string)s[2] == "cbor") >= 30);
        Assert.True(ValidationSamples().Count() >= 50);
    }

    [Theory]
    [MemberData(nameof(SerializationSamples))]
    public void Every_variant_decodes_to_the_expected_attributes_and_round_trips(string file, int index, string serializerName)
    {
        var sample = Load(file)[index]!.AsObject();
        var expected = sample["expected_attributes"]!.AsObject();
        var serializer = Serializers[serializerName];
        foreach (var variant in sample["serializers"]![serializerName]!.AsArray())
        {
            var bytes = variant!["bytes"] is { } text
                ? Encoding.UTF8.GetBytes(text.GetValue<string>())
                : Convert.FromHexString(variant["bytes_hex"]!.GetValue<string>());

            var message = serializer.Deserialize(bytes);
            AssertAttributes(expected, message, $"{serializerName} {file}[{index}] {variant["note"]}");

            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            serializer.Serialize(message, buffer);
            var again = serializer.Deserialize(buffer.WrittenMemory);
            AssertAttributes(expected, again, $"{serializerName} {file}[{index}] re-encoded as {Convert.ToHexString(buffer.WrittenSpan)}");
        }
    }

    [Theory]
    [MemberData(nameof(ValidationSamples))]
    public void Validation_samples_are_accepted_or_rejected_as_specified(string file, int index)
    {
        var sample = Load(file)[index]!.AsObject();
        var frame = Encoding.UTF8.GetBytes(sample["wmsg"]!.ToJsonString());
        if (sample["expected_error"] is { } error)
        {
            var ex = Assert.Throws<WampProtocolViolationException>(() => Serializer.Deserialize(frame));
            Assert.Contains(error["contains"]!.GetValue<string>(), ex.Message, StringComparison.Ordinal);
        }
        else
        {
            var message = Serializer.Deserialize(frame);
            Assert.Equal(sample["wmsg"]![0]!.GetValue<int>(), (int)message.MessageType);
        }
    }

    private static void AssertAttributes(JsonObject expected, WampMessage message, string because)
    {
        var actual = Attributes(message);
        foreach (var (key, value) in expected)
        {
            Assert.True(actual.ContainsKey(key), $"{because}: no attribute '{key}' for {message.MessageType}");
            var actualValue = actual[key];
            Assert.True(
                JsonNode.DeepEquals(Normalize(value), Normalize(actualValue)),
                $"{because}: '{key}' is {actualValue?.ToJsonString() ?? "null"}, expected {value?.ToJsonString() ?? "null"}");
        }
    }

    /// <summary>kwargs {} and null, args [] and null mean the same ("no arguments").</summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject { Count: 0 } => null,
        JsonArray { Count: 0 } => null,
        _ => node,
    };

    private static Dictionary<string, JsonNode?> Attributes(WampMessage message)
    {
        var a = new Dictionary<string, JsonNode?> { ["message_type"] = (int)message.MessageType };
        void Id(string name, long value, params string[] aliases)
        {
            a[name] = value;
            foreach (var alias in aliases)
            {
                a[alias] = value;
            }
        }

        switch (message)
        {
            case HelloMessage m:
                a["realm"] = m.Realm;
                a["details"] = Node(m.Details);
                a["roles"] = Node(m.Details["roles"]);
                break;
            case WelcomeMessage m:
                Id("session_id", m.SessionId, "session");
                a["details"] = Node(m.Details);
                a["roles"] = Node(m.Details.GetValueOrDefault("roles"));
                break;
            case AbortMessage m:
                a["details"] = Node(m.Details);
                a["reason"] = m.Reason;
                break;
            case GoodbyeMessage m:
                a["details"] = Node(m.Details);
                a["reason"] = m.Reason;
                break;
            case ChallengeMessage m:
                a["method"] = m.AuthMethod;
                a["extra"] = Node(m.Extra);
                break;
            case AuthenticateMessage m:
                a["signature"] = m.Signature;
                a["extra"] = Node(m.Extra);
                break;
            case ErrorMessage m:
                a["request_type"] = (int)m.RequestType;
                Id("request_id", m.RequestId, "request");
                a["details"] = Node(m.Details);
                a["error"] = m.Error;
                Payload(a, m);
                break;
            case PublishMessage m:
                Id("request_id", m.RequestId, "request");
                a["options"] = Node(m.Options);
                a["topic"] = m.Topic;
                Payload(a, m);
                break;
            case PublishedMessage m:
                Id("request_id", m.RequestId, "request");
                Id("publication_id", m.PublicationId, "publication");
                break;
            case SubscribeMessage m:
                Id("request_id", m.RequestId, "request");
                a["options"] = Node(m.Options);
                a["topic"] = m.Topic;
                break;
            case SubscribedMessage m:
                Id("request_id", m.RequestId, "request");
                Id("subscription_id", m.SubscriptionId, "subscription");
                break;
            case UnsubscribeMessage m:
                Id("request_id", m.RequestId, "request");
                Id("subscription_id", m.SubscriptionId, "subscription");
                break;
            case UnsubscribedMessage m:
                Id("request_id", m.RequestId, "request");
                break;
            case EventMessage m:
                Id("subscription", m.SubscriptionId, "subscription_id");
                Id("publication", m.PublicationId, "publication_id");
                a["details"] = Node(m.Details);
                Payload(a, m);
                break;
            case EventReceivedMessage m:
                Id("publication_id", m.PublicationId, "publication");
                break;
            case CallMessage m:
                Id("request_id", m.RequestId, "request");
                a["options"] = Node(m.Options);
                a["procedure"] = m.Procedure;
                Payload(a, m);
                break;
            case CancelMessage m:
                Id("request_id", m.RequestId, "request");
                a["options"] = Node(m.Options);
                break;
            case ResultMessage m:
                Id("request_id", m.RequestId, "request");
                a["details"] = Node(m.Details);
                Payload(a, m);
                break;
            case RegisterMessage m:
                Id("request_id", m.RequestId, "request");
                a["options"] = Node(m.Options);
                a["procedure"] = m.Procedure;
                break;
            case RegisteredMessage m:
                Id("request_id", m.RequestId, "request");
                Id("registration_id", m.RegistrationId, "registration");
                break;
            case UnregisterMessage m:
                Id("request_id", m.RequestId, "request");
                Id("registration_id", m.RegistrationId, "registration");
                break;
            case UnregisteredMessage m:
                Id("request_id", m.RequestId, "request");
                break;
            case InvocationMessage m:
                Id("request_id", m.RequestId, "request");
                Id("registration_id", m.RegistrationId, "registration");
                a["details"] = Node(m.Details);
                Payload(a, m);
                break;
            case InterruptMessage m:
                Id("request_id", m.RequestId, "request");
                a["options"] = Node(m.Options);
                break;
            case YieldMessage m:
                Id("request_id", m.RequestId, "request");
                a["options"] = Node(m.Options);
                Payload(a, m);
                break;
        }

        return a;
    }

    private static void Payload(Dictionary<string, JsonNode?> a, IWampPayloadMessage m)
    {
        a["args"] = m.Arguments is null ? null : JsonNode.Parse(m.Arguments.ToString());
        a["kwargs"] = m.ArgumentsKw is null ? null : JsonNode.Parse(m.ArgumentsKw.ToString());
        a["payload"] = m.Payload is null ? null : Convert.ToHexStringLower(m.Payload);
    }

    private static JsonNode? Node(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonValueWriter.Write(writer, value, WampJsonConvert.DefaultOptions);
        }

        return JsonNode.Parse(buffer.WrittenSpan);
    }

    private static IEnumerable<(string File, JsonArray Samples)> VectorFiles()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestVectors", "wamp-testsuite", "singlemessage");
        foreach (var path in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return (Path.GetRelativePath(root, path), Load(Path.GetRelativePath(root, path)));
        }
    }

    private static JsonArray Load(string file)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestVectors", "wamp-testsuite", "singlemessage");
        return JsonNode.Parse(File.ReadAllText(Path.Combine(root, file)))!["samples"]!.AsArray();
    }
}
