using System.Formats.Cbor;
using System.Text.Json;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Serialization.Cbor;

/// <summary>Reads WAMP message fields from one CBOR frame (definite or indefinite lengths; tags are skipped).</summary>
internal struct CborFieldReader(CborReader reader, ReadOnlyMemory<byte> frame, JsonSerializerOptions options, int maxDepth) : IWampFieldReader
{
    private readonly CborReader _reader = reader;
    private readonly ReadOnlyMemory<byte> _frame = frame;
    private WampMessageType _type;

    public WampMessageType MessageType
    {
        set => _type = value;
    }

    public readonly int ReadTypeCode()
    {
        SkipTags();
        if (_reader.PeekState() != CborReaderState.StartArray)
        {
            throw Violation("a WAMP message must be a CBOR array");
        }

        _reader.ReadStartArray();
        if (AtEnd() || _reader.PeekState() is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
        {
            throw Violation("the first element of a WAMP message must be its integer type code");
        }

        return _reader.ReadInt32();
    }

    public readonly long ReadId(string field)
    {
        Next(field);
        if (_reader.PeekState() == CborReaderState.UnsignedInteger)
        {
            var id = _reader.ReadUInt64();
            if (id <= WampIds.MaxId)
            {
                return (long)id;
            }

            throw Violation($"{field} must be an integer id in [0, 2^53]; got {id}");
        }

        // JavaScript peers (Autobahn|JS with node-cbor) encode large integers as floats: accept integral values.
        if (_reader.PeekState() is CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat
            && WampIds.TryFromDouble(_reader.ReadDouble(), out var fromFloat))
        {
            return fromFloat;
        }

        throw Violation($"{field} must be an integer id in [0, 2^53]; got {Describe()}");
    }

    public readonly int ReadInt32(string field)
    {
        Next(field);
        return _reader.PeekState() is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger
            ? _reader.ReadInt32()
            : throw Violation($"{field} must be an integer; got {Describe()}");
    }

    public readonly string ReadString(string field)
    {
        Next(field);
        return _reader.PeekState() is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString
            ? _reader.ReadTextString()
            : throw Violation($"{field} must be a string; got {Describe()}");
    }

    public readonly IReadOnlyDictionary<string, object?> ReadDictionary(string field)
    {
        Next(field);
        return ReadDictionaryValue(field) ?? WampDictionary.Empty;
    }

    public readonly IReadOnlyDictionary<string, object?>? ReadOptionalDictionaryAndEnd(string field)
    {
        if (AtEnd())
        {
            End();
            return null;
        }

        var result = ReadDictionaryValue(field);
        End();
        return result;
    }

    public readonly void ReadPayloadAndEnd(
        IReadOnlyDictionary<string, object?> optionsOrDetails, out WampArguments? arguments, out WampKeywordArguments? argumentsKw, out byte[]? payload)
    {
        arguments = null;
        argumentsKw = null;
        payload = null;
        if (!AtEnd())
        {
            switch (_reader.PeekState())
            {
                case CborReaderState.StartArray:
                    var (bytes, count) = Copy();
                    arguments = new CborEncodedArguments(bytes, count, options);
                    break;
                case CborReaderState.Null or CborReaderState.Undefined:
                    _reader.SkipValue();
                    break;
                case CborReaderState.ByteString when optionsOrDetails.ContainsKey("enc_algo"):
                    payload = _reader.ReadByteString();
                    break;
                default:
                    throw Violation($"Arguments must be a list; got {Describe()}");
            }
        }

        if (!AtEnd())
        {
            switch (_reader.PeekState())
            {
                case CborReaderState.StartMap:
                    var (bytes, count) = Copy();
                    argumentsKw = new CborEncodedKeywordArguments(bytes, count, options);
                    break;
                case CborReaderState.Null or CborReaderState.Undefined:
                    _reader.SkipValue();
                    break;
                default:
                    throw Violation($"ArgumentsKw must be a dictionary; got {Describe()}");
            }
        }

        End();
    }

    public readonly void End()
    {
        if (!AtEnd())
        {
            throw Violation($"it has more elements than {_type.ToString().ToUpperInvariant()} allows");
        }

        _reader.ReadEndArray();
        if (_reader.BytesRemaining != 0)
        {
            throw Violation("unexpected data after the message");
        }
    }

    public readonly WampProtocolViolationException Violation(string what)
    {
        var name = Enum.IsDefined(_type) ? _type.ToString().ToUpperInvariant() + ": " : string.Empty;
        return new WampProtocolViolationException($"Invalid WAMP message: {name}{what}.");
    }

    private readonly IReadOnlyDictionary<string, object?>? ReadDictionaryValue(string field)
    {
        switch (_reader.PeekState())
        {
            case CborReaderState.StartMap:
                return CborValues.ReadMap(_reader, maxDepth);
            case CborReaderState.Null or CborReaderState.Undefined:
                _reader.SkipValue();
                return null;
            default:
                throw Violation($"{field} must be a dictionary; got {Describe()}");
        }
    }

    /// <summary>
    /// Copies the array or map at the reader so that it outlives the frame buffer, checking its depth and counting
    /// its elements (entries for a map) in the same walk.
    /// </summary>
    private readonly (byte[] Bytes, int Count) Copy()
    {
        var start = _frame.Length - _reader.BytesRemaining;
        var count = Walk(_reader, maxDepth);
        var end = _frame.Length - _reader.BytesRemaining;
        return (_frame[start..end].ToArray(), count);
    }

    /// <summary>Consumes the value at the reader, failing when lists and dictionaries nest deeper than the limit.</summary>
    /// <returns>The number of elements of a list or entries of a dictionary; 0 for other values.</returns>
    private readonly int Walk(CborReader reader, int depth)
    {
        if (depth <= 0)
        {
            throw Violation("nesting is deeper than the limit");
        }

        var count = 0;
        switch (reader.PeekState())
        {
            case CborReaderState.StartArray:
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    Walk(reader, depth - 1);
                    count++;
                }

                reader.ReadEndArray();
                break;
            case CborReaderState.StartMap:
                reader.ReadStartMap();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    reader.SkipValue();
                    Walk(reader, depth - 1);
                    count++;
                }

                reader.ReadEndMap();
                break;
            case CborReaderState.Tag:
                reader.ReadTag();
                return Walk(reader, depth);
            default:
                reader.SkipValue();
                break;
        }

        return count;
    }

    private readonly void SkipTags()
    {
        while (_reader.PeekState() == CborReaderState.Tag)
        {
            _reader.ReadTag();
        }
    }

    private readonly bool AtEnd() => _reader.PeekState() == CborReaderState.EndArray;

    private readonly void Next(string field)
    {
        if (AtEnd())
        {
            throw Violation($"{field} is missing");
        }
    }

    private readonly string Describe() => _reader.PeekState() switch
    {
        CborReaderState.StartArray => "a list",
        CborReaderState.StartMap => "a dictionary",
        CborReaderState.Null => "null",
        var other => other.ToString(),
    };
}
