using System.Text.Json;
using Wampy.Payload;

namespace Wampy.Serialization.Json;

/// <summary>Reads WAMP JSON values (details, options) into plain .NET values.</summary>
internal static class JsonValueReader
{
    /// <summary>Reads the value at the current token: string, long, double, bool, null, byte[], object?[] or dictionary.</summary>
    public static object? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return WampBinaryJsonConverter.IsBinaryString(ref reader)
                    ? WampBinaryJsonConverter.ReadBinaryString(ref reader)
                    : reader.GetString();
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer))
                {
                    return integer;
                }

                if (reader.TryGetUInt64(out var unsigned))
                {
                    return unsigned;
                }

                return reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                return ReadDictionary(ref reader);
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(Read(ref reader));
                }

                return list.ToArray();
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    /// <summary>Reads an object whose StartObject token is current; <c>{}</c> returns the shared empty dictionary.</summary>
    public static IReadOnlyDictionary<string, object?> ReadDictionary(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return WampDictionary.Empty;
        }

        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            dictionary[key] = Read(ref reader);
            reader.Read();
        }

        return dictionary;
    }
}
