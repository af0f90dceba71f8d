using System.Collections;
using System.Text.Json;
using Wampy.Payload;

namespace Wampy.Serialization.Json;

/// <summary>Writes .NET values and payloads as WAMP JSON, with fast paths for the common primitive types.</summary>
internal static class JsonValueWriter
{
    public static void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case byte[] bytes:
                WampBinaryJsonConverter.WriteBinary(writer, bytes);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case WampArguments arguments:
                WriteArguments(writer, arguments, options);
                break;
            case WampKeywordArguments keywordArguments:
                WriteKeywordArguments(writer, keywordArguments, options);
                break;
            case IReadOnlyDictionary<string, object?> dictionary:
                WriteDictionary(writer, dictionary, options);
                break;
            case object?[] array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item, options);
                }

                writer.WriteEndArray();
                break;
            default:
                JsonSerializer.Serialize(writer, value, WampJsonConvert.TypeInfo(options, value.GetType()));
                break;
        }
    }

    public static void WriteDictionary(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> dictionary, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (dictionary.Count > 0)
        {
            foreach (var (key, item) in dictionary)
            {
                writer.WritePropertyName(key);
                Write(writer, item, options);
            }
        }

        writer.WriteEndObject();
    }

    public static void WriteArguments(Utf8JsonWriter writer, WampArguments arguments, JsonSerializerOptions options)
    {
        if (arguments is JsonEncodedArguments encoded)
        {
            writer.WriteRawValue(encoded.Json, skipInputValidation: true);
            return;
        }

        writer.WriteStartArray();
        var count = arguments.Count;
        for (var i = 0; i < count; i++)
        {
            Write(writer, arguments.GetRawValue(i), options);
        }

        writer.WriteEndArray();
    }

    public static void WriteKeywordArguments(Utf8JsonWriter writer, WampKeywordArguments arguments, JsonSerializerOptions options)
    {
        if (arguments is JsonEncodedKeywordArguments encoded)
        {
            writer.WriteRawValue(encoded.Json, skipInputValidation: true);
            return;
        }

        var value = arguments.GetRawValue();
        if (value is IReadOnlyDictionary<string, object?> dictionary)
        {
            WriteDictionary(writer, dictionary, options);
            return;
        }

        if (value is IEnumerable and not IDictionary || value is string || value.GetType().IsPrimitive)
        {
            throw new ArgumentException(
                $"Keyword arguments must be a dictionary or an object; got {value.GetType().Name}.", nameof(arguments));
        }

        JsonSerializer.Serialize(writer, value, WampJsonConvert.TypeInfo(options, value.GetType()));
    }
}
