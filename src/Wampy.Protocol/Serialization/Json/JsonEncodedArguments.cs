using System.Text.Json;
using Wampy.Payload;

namespace Wampy.Serialization.Json;

/// <summary>Positional arguments received as JSON: the array's bytes, bound element by element on demand.</summary>
internal sealed class JsonEncodedArguments(byte[] json, JsonSerializerOptions options, int maxDepth) : WampArguments
{
    private int _count = -1;

    /// <summary>The JSON array, exactly as received.</summary>
    public byte[] Json => json;

    internal override int ApproximateSize => json.Length;

    internal override bool IsKnownEmpty => json.AsSpan().Trim(" \t\r\n"u8).Length <= 2;

    public override int Count
    {
        get
        {
            if (_count < 0)
            {
                var reader = CreateReader();
                reader.Read();
                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    reader.Skip();
                    count++;
                }

                _count = count;
            }

            return _count;
        }
    }

    private protected override T GetCore<T>(int index)
    {
        var reader = MoveTo(index);
        return JsonSerializer.Deserialize(ref reader, WampJsonConvert.TypeInfo<T>(options))!;
    }

    internal override object? GetRawValue(int index)
    {
        var reader = MoveTo(index);
        return JsonElement.ParseValue(ref reader);
    }

    private Utf8JsonReader MoveTo(int index)
    {
        var reader = CreateReader();
        reader.Read();
        for (var i = 0; i < index; i++)
        {
            reader.Read();
            reader.Skip();
        }

        reader.Read();
        return reader;
    }

    private Utf8JsonReader CreateReader() => new(json, new JsonReaderOptions { MaxDepth = maxDepth });
}
