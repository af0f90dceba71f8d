using System.Text.Json;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Serialization.Json;

/// <summary>Decodes one WAMP JSON frame with <see cref="Utf8JsonReader"/>: no intermediate string or DOM.</summary>
internal ref struct JsonMessageReader
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly JsonSerializerOptions _options;
    private readonly int _maxDepth;
    private Utf8JsonReader _reader;
    private WampMessageType _type;

    public JsonMessageReader(ReadOnlySpan<byte> frame, JsonSerializerOptions options, int maxDepth)
    {
        _frame = frame;
        _options = options;
        _maxDepth = maxDepth;
        _reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = maxDepth });
    }

    public WampMessage Read()
    {
        try
        {
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.StartArray)
            {
                throw Violation("a WAMP message must be a JSON array");
            }

            _reader.Read();
            if (_reader.TokenType != JsonTokenType.Number || !_reader.TryGetInt32(out var code))
            {
                throw Violation("the first element of a WAMP message must be its integer type code");
            }

            _type = (WampMessageType)code;
            var message = ReadBody(code);
            if (_reader.Read())
            {
                throw Violation("unexpected data after the message");
            }

            WampMessageValidator.Validate(message);
            return message;
        }
        catch (JsonException ex)
        {
            throw new WampProtocolViolationException($"Malformed WAMP JSON frame: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new WampProtocolViolationException($"Malformed WAMP JSON frame: {ex.Message}", ex);
        }
    }

    private WampMessage ReadBody(int code)
    {
        switch ((WampMessageType)code)
        {
            case WampMessageType.Hello:
                return End(new HelloMessage(ReadString("Realm"), ReadDictionary("Details")));
            case WampMessageType.Welcome:
                return End(new WelcomeMessage(ReadId("Session"), ReadDictionary("Details")));
            case WampMessageType.Abort:
                return End(new AbortMessage(ReadDictionary("Details"), ReadString("Reason")));
            case WampMessageType.Challenge:
                return End(new ChallengeMessage(ReadString("AuthMethod"), ReadDictionary("Extra")));
            case WampMessageType.Authenticate:
                return End(new AuthenticateMessage(ReadString("Signature"), ReadDictionary("Extra")));
            case WampMessageType.Goodbye:
                return End(new GoodbyeMessage(ReadDictionary("Details"), ReadString("Reason")));
            case WampMessageType.Error:
            {
                var requestType = (WampMessageType)ReadInt32("REQUEST.Type");
                var requestId = ReadId("REQUEST.Request");
                var details = ReadDictionary("Details");
                var error = ReadString("Error");
                ReadPayload(details, out var args, out var kwargs, out var payload);
                return new ErrorMessage(requestType, requestId, details, error, args, kwargs) { Payload = payload };
            }

            case WampMessageType.Publish:
            {
                var requestId = ReadId("Request");
                var options = ReadDictionary("Options");
                var topic = ReadString("Topic");
                ReadPayload(options, out var args, out var kwargs, out var payload);
                return new PublishMessage(requestId, options, topic, args, kwargs) { Payload = payload };
            }

            case WampMessageType.Published:
                return End(new PublishedMessage(ReadId("PUBLISH.Request"), ReadId("Publication")));
            case WampMessageType.Subscribe:
                return End(new SubscribeMessage(ReadId("Request"), ReadDictionary("Options"), ReadString("Topic")));
            case WampMessageType.Subscribed:
                return End(new SubscribedMessage(ReadId("SUBSCRIBE.Request"), ReadId("Subscription")));
            case WampMessageType.Unsubscribe:
                return End(new UnsubscribeMessage(ReadId("Request"), ReadId("SUBSCRIBED.Subscription")));
            case WampMessageType.Unsubscribed:
            {
                var requestId = ReadId("UNSUBSCRIBE.Request");
                return new UnsubscribedMessage(requestId, ReadOptionalDictionary("Details"));
            }

            case WampMessageType.Event:
            {
                var subscription = ReadId("SUBSCRIBED.Subscription");
                var publication = ReadId("PUBLISHED.Publication");
                var details = ReadDictionary("Details");
                ReadPayload(details, out var args, out var kwargs, out var payload);
                return new EventMessage(subscription, publication, details, args, kwargs) { Payload = payload };
            }

            case WampMessageType.EventReceived:
            {
                var publication = ReadId("EVENT.Publication");
                ReadOptionalDictionary("Details");
                return new EventReceivedMessage(publication);
            }

            case WampMessageType.Call:
            {
                var requestId = ReadId("Request");
                var options = ReadDictionary("Options");
                var procedure = ReadString("Procedure");
                ReadPayload(options, out var args, out var kwargs, out var payload);
                return new CallMessage(requestId, options, procedure, args, kwargs) { Payload = payload };
            }

            case WampMessageType.Cancel:
                return End(new CancelMessage(ReadId("CALL.Request"), ReadDictionary("Options")));
            case WampMessageType.Result:
            {
                var requestId = ReadId("CALL.Request");
                var details = ReadDictionary("Details");
                ReadPayload(details, out var args, out var kwargs, out var payload);
                return new ResultMessage(requestId, details, args, kwargs) { Payload = payload };
            }

            case WampMessageType.Register:
                return End(new RegisterMessage(ReadId("Request"), ReadDictionary("Options"), ReadString("Procedure")));
            case WampMessageType.Registered:
                return End(new RegisteredMessage(ReadId("REGISTER.Request"), ReadId("Registration")));
            case WampMessageType.Unregister:
                return End(new UnregisterMessage(ReadId("Request"), ReadId("REGISTERED.Registration")));
            case WampMessageType.Unregistered:
            {
                var requestId = ReadId("UNREGISTER.Request");
                return new UnregisteredMessage(requestId, ReadOptionalDictionary("Details"));
            }

            case WampMessageType.Invocation:
            {
                var requestId = ReadId("Request");
                var registration = ReadId("REGISTERED.Registration");
                var details = ReadDictionary("Details");
                ReadPayload(details, out var args, out var kwargs, out var payload);
                return new InvocationMessage(requestId, registration, details, args, kwargs) { Payload = payload };
            }

            case WampMessageType.Interrupt:
                return End(new InterruptMessage(ReadId("INVOCATION.Request"), ReadDictionary("Options")));
            case WampMessageType.Yield:
            {
                var requestId = ReadId("INVOCATION.Request");
                var options = ReadDictionary("Options");
                ReadPayload(options, out var args, out var kwargs, out var payload);
                return new YieldMessage(requestId, options, args, kwargs) { Payload = payload };
            }

            default:
                throw new WampProtocolViolationException($"Unknown WAMP message type {code}.");
        }
    }

    private T End<T>(T message)
    {
        _reader.Read();
        if (_reader.TokenType != JsonTokenType.EndArray)
        {
            throw Violation($"it has more elements than {_type.ToString().ToUpperInvariant()} allows");
        }

        return message;
    }

    private long ReadId(string field)
    {
        Next(field);
        if (_reader.TokenType == JsonTokenType.Number && _reader.TryGetInt64(out var id) && id is >= 0 and <= WampIds.MaxId)
        {
            return id;
        }

        throw Violation($"{field} must be an integer id in [0, 2^53]; got {Describe()}");
    }

    private int ReadInt32(string field)
    {
        Next(field);
        if (_reader.TokenType == JsonTokenType.Number && _reader.TryGetInt32(out var value))
        {
            return value;
        }

        throw Violation($"{field} must be an integer; got {Describe()}");
    }

    private string ReadString(string field)
    {
        Next(field);
        if (_reader.TokenType == JsonTokenType.String)
        {
            return _reader.GetString()!;
        }

        throw Violation($"{field} must be a string; got {Describe()}");
    }

    private IReadOnlyDictionary<string, object?> ReadDictionary(string field)
    {
        Next(field);
        return _reader.TokenType switch
        {
            JsonTokenType.StartObject => JsonValueReader.ReadDictionary(ref _reader),
            JsonTokenType.Null => WampDictionary.Empty,
            _ => throw Violation($"{field} must be a dictionary; got {Describe()}"),
        };
    }

    /// <summary>Reads a trailing optional dictionary and the end of the message.</summary>
    private IReadOnlyDictionary<string, object?>? ReadOptionalDictionary(string field)
    {
        _reader.Read();
        if (_reader.TokenType == JsonTokenType.EndArray)
        {
            return null;
        }

        var result = _reader.TokenType switch
        {
            JsonTokenType.StartObject => JsonValueReader.ReadDictionary(ref _reader),
            JsonTokenType.Null => null,
            _ => throw Violation($"{field} must be a dictionary; got {Describe()}"),
        };
        return End(result);
    }

    /// <summary>Reads the optional trailing Arguments|list and ArgumentsKw|dict (or a passthrough payload) and the end.</summary>
    private void ReadPayload(
        IReadOnlyDictionary<string, object?> optionsOrDetails,
        out WampArguments? args,
        out WampKeywordArguments? kwargs,
        out byte[]? payload)
    {
        args = null;
        kwargs = null;
        payload = null;
        _reader.Read();
        switch (_reader.TokenType)
        {
            case JsonTokenType.EndArray:
                return;
            case JsonTokenType.StartArray:
                args = new JsonEncodedArguments(CopyValue(), _options, _maxDepth);
                break;
            case JsonTokenType.Null:
                break;
            case JsonTokenType.String when optionsOrDetails.ContainsKey("enc_algo"):
                payload = WampBinaryJsonConverter.ReadBinaryString(ref _reader);
                break;
            default:
                throw Violation($"Arguments must be a list; got {Describe()}");
        }

        _reader.Read();
        switch (_reader.TokenType)
        {
            case JsonTokenType.EndArray:
                return;
            case JsonTokenType.StartObject:
                kwargs = new JsonEncodedKeywordArguments(CopyValue(), _options, _maxDepth);
                break;
            case JsonTokenType.Null:
                break;
            default:
                throw Violation($"ArgumentsKw must be a dictionary; got {Describe()}");
        }

        End(0);
    }

    /// <summary>Copies the list or dictionary at the current token out of the frame, so that it outlives the frame buffer.</summary>
    private byte[] CopyValue()
    {
        var start = (int)_reader.TokenStartIndex;
        _reader.Skip();
        return _frame[start..(int)_reader.BytesConsumed].ToArray();
    }

    private void Next(string field)
    {
        if (!_reader.Read() || _reader.TokenType == JsonTokenType.EndArray)
        {
            throw Violation($"{field} is missing");
        }
    }

    private readonly string Describe() => _reader.TokenType switch
    {
        JsonTokenType.String => $"string \"{Truncate(_reader.GetString())}\"",
        JsonTokenType.Number => $"number {System.Text.Encoding.UTF8.GetString(_reader.ValueSpan)}",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.StartObject => "a dictionary",
        JsonTokenType.Null => "null",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => _reader.TokenType.ToString(),
    };

    private static string? Truncate(string? text) => text is { Length: > 64 } ? text[..64] + "…" : text;

    private readonly WampProtocolViolationException Violation(string what)
    {
        var name = Enum.IsDefined(_type) ? _type.ToString().ToUpperInvariant() + ": " : string.Empty;
        return new WampProtocolViolationException($"Invalid WAMP message: {name}{what}.");
    }
}
