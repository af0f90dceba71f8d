using System.Buffers;
using System.Text.Json;
using MessagePack;
using Wampy.Payload;
using Wampy.Serialization.Json;

namespace Wampy.Serialization.MessagePack;

/// <summary>MessagePack values to and from .NET values and JSON (the JSON side is how payloads bind to .NET types).</summary>
internal static class MessagePackValues
{
    /// <summary>Reads one value as a plain .NET value: string, long, ulong, double, bool, null, byte[], object?[] or dictionary.</summary>
    public static object? Read(ref MessagePackReader reader, int depth)
    {
        if (depth <= 0)
        {
            throw new WampProtocolViolationException("Invalid WAMP message: nesting is deeper than the limit.");
        }

        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                return null;
            case MessagePackType.Boolean:
                return reader.ReadBoolean();
            case MessagePackType.Integer:
                return reader.NextCode == MessagePackCode.UInt64 ? Unsigned(reader.ReadUInt64()) : reader.ReadInt64();
            case MessagePackType.Float:
                return reader.ReadDouble();
            case MessagePackType.String:
                return reader.ReadString();
            case MessagePackType.Binary:
                return reader.ReadBytes()!.Value.ToArray();
            case MessagePackType.Array:
            {
                var count = reader.ReadArrayHeader();
                var items = new object?[count];
                for (var i = 0; i < count; i++)
                {
                    items[i] = Read(ref reader, depth - 1);
                }

                return items;
            }

            case MessagePackType.Map:
                return ReadMap(ref reader, depth);
            default:
                throw new WampProtocolViolationException($"Invalid WAMP message: MessagePack {reader.NextMessagePackType} values are not allowed.");
        }
    }

    public static IReadOnlyDictionary<string, object?> ReadMap(ref MessagePackReader reader, int depth)
    {
        var count = reader.ReadMapHeader();
        if (count == 0)
        {
            return WampDictionary.Empty;
        }

        var map = new Dictionary<string, object?>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.NextMessagePackType == MessagePackType.String
                ? reader.ReadString()!
                : throw new WampProtocolViolationException("Invalid WAMP message: dictionary keys must be strings.");
            map[key] = Read(ref reader, depth - 1);
        }

        return map;
    }

    /// <summary>Writes a .NET value; objects other than primitives, binary, lists and dictionaries go through System.Text.Json.</summary>
    public static void Write(ref MessagePackWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNil();
                break;
            case string s:
                writer.Write(s);
                break;
            case bool b:
                writer.Write(b);
                break;
            case int i:
                writer.Write(i);
                break;
            case long l:
                writer.Write(l);
                break;
            case ulong u:
                writer.Write(u);
                break;
            case double d:
                writer.Write(d);
                break;
            case float f:
                writer.Write((double)f);
                break;
            case byte[] bytes:
                writer.Write(bytes);
                break;
            case ReadOnlyMemory<byte> memory:
                writer.Write(memory.Span);
                break;
            case JsonElement element:
                WriteElement(ref writer, element);
                break;
            case WampArguments arguments:
                WriteArguments(ref writer, arguments, options);
                break;
            case WampKeywordArguments argumentsKw:
                WriteKeywordArguments(ref writer, argumentsKw, options);
                break;
            case IReadOnlyDictionary<string, object?> dictionary:
                WriteMap(ref writer, dictionary, options);
                break;
            case object?[] array:
                writer.WriteArrayHeader(array.Length);
                foreach (var item in array)
                {
                    Write(ref writer, item, options);
                }

                break;
            default:
                WriteElement(ref writer, JsonSerializer.SerializeToElement(value, WampJsonConvert.TypeInfo(options, value.GetType())));
                break;
        }
    }

    public static void WriteMap(ref MessagePackWriter writer, IReadOnlyDictionary<string, object?> dictionary, JsonSerializerOptions options)
    {
        writer.WriteMapHeader(dictionary.Count);
        foreach (var (key, item) in dictionary)
        {
            writer.Write(key);
            Write(ref writer, item, options);
        }
    }

    public static void WriteArguments(ref MessagePackWriter writer, WampArguments arguments, JsonSerializerOptions options)
    {
        if (arguments is MessagePackEncodedArguments encoded)
        {
            writer.WriteRaw(encoded.Bytes);
            return;
        }

        var count = arguments.Count;
        writer.WriteArrayHeader(count);
        for (var i = 0; i < count; i++)
        {
            Write(ref writer, arguments.GetRawValue(i), options);
        }
    }

    public static void WriteKeywordArguments(ref MessagePackWriter writer, WampKeywordArguments argumentsKw, JsonSerializerOptions options)
    {
        if (argumentsKw is MessagePackEncodedKeywordArguments encoded)
        {
            writer.WriteRaw(encoded.Bytes);
            return;
        }

        var value = argumentsKw.GetRawValue();
        if (value is IReadOnlyDictionary<string, object?> dictionary)
        {
            WriteMap(ref writer, dictionary, options);
            return;
        }

        var element = value as JsonElement? ?? JsonSerializer.SerializeToElement(value, WampJsonConvert.TypeInfo(options, value.GetType()));
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Keyword arguments must be a dictionary or an object; got {value.GetType().Name}.", nameof(argumentsKw));
        }

        WriteElement(ref writer, element);
    }

    /// <summary>Writes JSON as MessagePack; strings in the WAMP binary convention become MessagePack binary.</summary>
    public static void WriteElement(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in element.EnumerateObject())
                {
                    count++;
                }

                writer.WriteMapHeader(count);
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    WriteElement(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    WriteElement(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (text.Length > 0 && text[0] == '\0')
                {
                    writer.Write(Convert.FromBase64String(text[1..]));
                }
                else
                {
                    writer.Write(text);
                }

                break;
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var integer))
                {
                    writer.Write(integer);
                }
                else if (element.TryGetUInt64(out var unsigned))
                {
                    writer.Write(unsigned);
                }
                else
                {
                    writer.Write(element.GetDouble());
                }

                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    /// <summary>Writes the MessagePack value at the reader as JSON (binary as the WAMP binary convention).</summary>
    public static void Transcode(ref MessagePackReader reader, Utf8JsonWriter json)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                json.WriteNullValue();
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Integer:
                if (reader.NextCode == MessagePackCode.UInt64)
                {
                    json.WriteNumberValue(reader.ReadUInt64());
                }
                else
                {
                    json.WriteNumberValue(reader.ReadInt64());
                }

                break;
            case MessagePackType.Float:
                json.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.String:
                json.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Binary:
                var bytes = reader.ReadBytes()!.Value;
                WampBinaryJsonConverter.WriteBinary(json, bytes.IsSingleSegment ? bytes.FirstSpan : bytes.ToArray());
                break;
            case MessagePackType.Array:
                var count = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < count; i++)
                {
                    Transcode(ref reader, json);
                }

                json.WriteEndArray();
                break;
            case MessagePackType.Map:
                var entries = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < entries; i++)
                {
                    json.WritePropertyName(reader.NextMessagePackType == MessagePackType.String ? reader.ReadString()! : ReadKeyText(ref reader));
                    Transcode(ref reader, json);
                }

                json.WriteEndObject();
                break;
            default:
                throw new JsonException($"MessagePack {reader.NextMessagePackType} values cannot be bound.");
        }
    }

    /// <summary>Binds the MessagePack value at the reader to <typeparamref name="T"/> through JSON (byte[] directly).</summary>
    public static T Bind<T>(ref MessagePackReader reader, JsonSerializerOptions options)
    {
        // Fast paths for the common primitives; everything else binds through JSON like the JSON serializer does.
        var type = reader.NextMessagePackType;
        if (typeof(T) == typeof(byte[]) && type == MessagePackType.Binary)
        {
            return (T)(object)reader.ReadBytes()!.Value.ToArray();
        }

        if (typeof(T) == typeof(string) && type == MessagePackType.String)
        {
            return (T)(object)reader.ReadString()!;
        }

        if (typeof(T) == typeof(long) && type == MessagePackType.Integer && reader.NextCode != MessagePackCode.UInt64)
        {
            return (T)(object)reader.ReadInt64();
        }

        if (typeof(T) == typeof(int) && type == MessagePackType.Integer && reader.NextCode != MessagePackCode.UInt64)
        {
            return (T)(object)reader.ReadInt32();
        }

        if (typeof(T) == typeof(double) && type is MessagePackType.Float or MessagePackType.Integer)
        {
            return (T)(object)(type == MessagePackType.Float ? reader.ReadDouble() : reader.ReadInt64());
        }

        if (typeof(T) == typeof(bool) && type == MessagePackType.Boolean)
        {
            return (T)(object)reader.ReadBoolean();
        }

        var transcoder = PayloadTranscoder.Rent(options);
        try
        {
            Transcode(ref reader, transcoder.Writer);
            return transcoder.Deserialize<T>(options);
        }
        finally
        {
            PayloadTranscoder.Return(transcoder);
        }
    }

    private static object Unsigned(ulong value) => value <= long.MaxValue ? (long)value : value;

    private static string ReadKeyText(ref MessagePackReader reader) => Read(ref reader, 1)?.ToString() ?? "null";
}
