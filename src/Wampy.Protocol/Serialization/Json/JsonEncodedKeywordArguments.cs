using System.Text.Json;
using Wampy.Payload;

namespace Wampy.Serialization.Json;

/// <summary>Keyword arguments received as JSON: the object's bytes, bound entry by entry on demand.</summary>
internal sealed class JsonEncodedKeywordArguments(byte[] json, JsonSerializerOptions options, int maxDepth) : WampKeywordArguments
{
    private string[]? _keys;

    /// <summary>The JSON object, exactly as received.</summary>
    public byte[] Json => json;

    public override int Count => GetKeys().Length;

    public override IEnumerable<string> Keys => GetKeys();

    internal override int ApproximateSize => json.Length;

    internal override bool IsKnownEmpty => json.AsSpan().Trim(" \t\r\n"u8).Length <= 2;

    public override bool ContainsKey(string name)
    {
        var reader = CreateReader();
        return TryMoveTo(ref reader, name);
    }

    private protected override T GetCore<T>(string name)
    {
        var reader = CreateReader();
        TryMoveTo(ref reader, name);
        return JsonSerializer.Deserialize(ref reader, WampJsonConvert.TypeInfo<T>(options))!;
    }

    private protected override T AsCore<T>() => JsonSerializer.Deserialize(json, WampJsonConvert.TypeInfo<T>(options))!;

    internal override object GetRawValue()
    {
        var reader = CreateReader();
        return JsonElement.ParseValue(ref reader);
    }

    private string[] GetKeys()
    {
        if (_keys is null)
        {
            var keys = new List<string>();
            var reader = CreateReader();
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                keys.Add(reader.GetString()!);
                reader.Read();
                reader.Skip();
            }

            _keys = [.. keys];
        }

        return _keys;
    }

    /// <summary>Positions the reader on the value of property <paramref name="name"/>.</summary>
    private static bool TryMoveTo(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private Utf8JsonReader CreateReader() => new(json, new JsonReaderOptions { MaxDepth = maxDepth });
}
