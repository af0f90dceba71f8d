using System.Buffers;
using System.Text.Json;
using MessagePack;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Serialization.MessagePack;

/// <summary>Reads WAMP message fields from one MessagePack frame.</summary>
internal ref struct MessagePackFieldReader(ReadOnlyMemory<byte> frame, JsonSerializerOptions options, int maxDepth) : IWampFieldReader
{
    private readonly ReadOnlyMemory<byte> _frame = frame;
    private MessagePackReader _reader = new(frame);
    private int _remaining;
    private WampMessageType _type;

    public WampMessageType MessageType
    {
        set => _type = value;
    }

    public int ReadTypeCode()
    {
        if (_reader.NextMessagePackType != MessagePackType.Array)
        {
            throw Violation("a WAMP message must be a MessagePack array");
        }

        _remaining = _reader.ReadArrayHeader();
        if (_remaining == 0 || _reader.NextMessagePackType != MessagePackType.Integer)
        {
            throw Violation("the first element of a WAMP message must be its integer type code");
        }

        _remaining--;
        return _reader.ReadInt32();
    }

    public long ReadId(string field)
    {
        Next(field);
        if (_reader.NextMessagePackType == MessagePackType.Integer)
        {
            var id = _reader.NextCode == MessagePackCode.UInt64 ? (long)Math.Min(_reader.ReadUInt64(), long.MaxValue) : _reader.ReadInt64();
            if (id is >= 0 and <= WampIds.MaxId)
            {
                return id;
            }

            throw Violation($"{field} must be an integer id in [0, 2^53]; got {id}");
        }

        // JavaScript peers (Autobahn|JS with msgpack5) encode integers beyond 2^32 as floats: accept integral values.
        if (_reader.NextMessagePackType == MessagePackType.Float && WampIds.TryFromDouble(_reader.ReadDouble(), out var fromFloat))
        {
            return fromFloat;
        }

        throw Violation($"{field} must be an integer id in [0, 2^53]; got {Describe()}");
    }

    public int ReadInt32(string field)
    {
        Next(field);
        return _reader.NextMessagePackType == MessagePackType.Integer
            ? _reader.ReadInt32()
            : throw Violation($"{field} must be an integer; got {Describe()}");
    }

    public string ReadString(string field)
    {
        Next(field);
        return _reader.NextMessagePackType == MessagePackType.String
            ? _reader.ReadString()!
            : throw Violation($"{field} must be a string; got {Describe()}");
    }

    public IReadOnlyDictionary<string, object?> ReadDictionary(string field)
    {
        Next(field);
        return ReadDictionaryValue(field) ?? WampDictionary.Empty;
    }

    public IReadOnlyDictionary<string, object?>? ReadOptionalDictionaryAndEnd(string field)
    {
        if (_remaining == 0)
        {
            return null;
        }

        _remaining--;
        var result = ReadDictionaryValue(field);
        End();
        return result;
    }

    public void ReadPayloadAndEnd(
        IReadOnlyDictionary<string, object?> optionsOrDetails, out WampArguments? arguments, out WampKeywordArguments? argumentsKw, out byte[]? payload)
    {
        arguments = null;
        argumentsKw = null;
        payload = null;
        if (_remaining > 0)
        {
            _remaining--;
            switch (_reader.NextMessagePackType)
            {
                case MessagePackType.Array:
                    var (bytes, count) = Copy();
                    arguments = new MessagePackEncodedArguments(bytes, count, options);
                    break;
                case MessagePackType.Nil:
                    _reader.ReadNil();
                    break;
                case MessagePackType.Binary when optionsOrDetails.ContainsKey("enc_algo"):
                    payload = _reader.ReadBytes()!.Value.ToArray();
                    break;
                default:
                    throw Violation($"Arguments must be a list; got {Describe()}");
            }
        }

        if (_remaining > 0)
        {
            _remaining--;
            switch (_reader.NextMessagePackType)
            {
                case MessagePackType.Map:
                    var (bytes, count) = Copy();
                    argumentsKw = new MessagePackEncodedKeywordArguments(bytes, count, options);
                    break;
                case MessagePackType.Nil:
                    _reader.ReadNil();
                    break;
                default:
                    throw Violation($"ArgumentsKw must be a dictionary; got {Describe()}");
            }
        }

        End();
    }

    public void End()
    {
        if (_remaining != 0)
        {
            throw Violation($"it has more elements than {_type.ToString().ToUpperInvariant()} allows");
        }

        if (!_reader.End)
        {
            throw Violation("unexpected data after the message");
        }
    }

    public readonly WampProtocolViolationException Violation(string what)
    {
        var name = Enum.IsDefined(_type) ? _type.ToString().ToUpperInvariant() + ": " : string.Empty;
        return new WampProtocolViolationException($"Invalid WAMP message: {name}{what}.");
    }

    private IReadOnlyDictionary<string, object?>? ReadDictionaryValue(string field)
    {
        switch (_reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                return MessagePackValues.ReadMap(ref _reader, maxDepth);
            case MessagePackType.Nil:
                _reader.ReadNil();
                return null;
            default:
                throw Violation($"{field} must be a dictionary; got {Describe()}");
        }
    }

    /// <summary>
    /// Copies the array or map at the reader so that it outlives the frame buffer, checking its depth and counting its
    /// elements (entries for a map) in the same walk.
    /// </summary>
    private (byte[] Bytes, int Count) Copy()
    {
        var start = _reader.Consumed;
        var count = Walk(ref _reader, maxDepth);
        return (_frame.Slice((int)start, (int)(_reader.Consumed - start)).ToArray(), count);
    }

    /// <summary>Consumes the value at the reader, failing when lists and dictionaries nest deeper than the limit.</summary>
    /// <returns>The number of elements of a list or entries of a dictionary; 0 for other values.</returns>
    private readonly int Walk(ref MessagePackReader reader, int depth)
    {
        if (depth <= 0)
        {
            throw Violation("nesting is deeper than the limit");
        }

        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Array:
                var count = reader.ReadArrayHeader();
                for (var i = 0; i < count; i++)
                {
                    Walk(ref reader, depth - 1);
                }

                return count;
            case MessagePackType.Map:
                var entries = reader.ReadMapHeader();
                for (var i = 0; i < entries; i++)
                {
                    reader.Skip();
                    Walk(ref reader, depth - 1);
                }

                return entries;
            default:
                reader.Skip();
                return 0;
        }
    }

    private void Next(string field)
    {
        if (_remaining == 0)
        {
            throw Violation($"{field} is missing");
        }

        _remaining--;
    }

    private readonly string Describe() => _reader.NextMessagePackType switch
    {
        MessagePackType.Array => "a list",
        MessagePackType.Map => "a dictionary",
        MessagePackType.Nil => "null",
        var other => other.ToString().ToLowerInvariant(),
    };
}
