using System.Text.Json;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;

namespace Wampy.Serialization.Json;

/// <summary>Decodes one WAMP JSON frame with <see cref="Utf8JsonReader"/>: no intermediate string or DOM.</summary>
internal ref struct JsonMessageReader : IWampFieldReader
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

    public WampMessageType MessageType
    {
        set => _type = value;
    }

    public WampMessage Read()
    {
        try
        {
            var message = MessageLayout.Read(ref this);
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

    public int ReadTypeCode()
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

        return code;
    }

    public void End()
    {
        _reader.Read();
        if (_reader.TokenType != JsonTokenType.EndArray)
        {
            throw Violation($"it has more elements than {_type.ToString().ToUpperInvariant()} allows");
        }
    }

    public long ReadId(string field)
    {
        Next(field);
        if (_reader.TokenType == JsonTokenType.Number && _reader.TryGetInt64(out var id) && id is >= 0 and <= WampIds.MaxId)
        {
            return id;
        }

        throw Violation($"{field} must be an integer id in [0, 2^53]; got {Describe()}");
    }

    public int ReadInt32(string field)
    {
        Next(field);
        if (_reader.TokenType == JsonTokenType.Number && _reader.TryGetInt32(out var value))
        {
            return value;
        }

        throw Violation($"{field} must be an integer; got {Describe()}");
    }

    public string ReadString(string field)
    {
        Next(field);
        if (_reader.TokenType == JsonTokenType.String)
        {
            return _reader.GetString()!;
        }

        throw Violation($"{field} must be a string; got {Describe()}");
    }

    public IReadOnlyDictionary<string, object?> ReadDictionary(string field)
    {
        Next(field);
        return _reader.TokenType switch
        {
            JsonTokenType.StartObject => JsonValueReader.ReadDictionary(ref _reader),
            JsonTokenType.Null => WampDictionary.Empty,
            _ => throw Violation($"{field} must be a dictionary; got {Describe()}"),
        };
    }

    public IReadOnlyDictionary<string, object?>? ReadOptionalDictionaryAndEnd(string field)
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
        End();
        return result;
    }

    public void ReadPayloadAndEnd(
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

        End();
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

    public readonly WampProtocolViolationException Violation(string what)
    {
        var name = Enum.IsDefined(_type) ? _type.ToString().ToUpperInvariant() + ": " : string.Empty;
        return new WampProtocolViolationException($"Invalid WAMP message: {name}{what}.");
    }
}
