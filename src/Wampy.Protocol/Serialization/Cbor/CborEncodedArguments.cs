using System.Formats.Cbor;
using System.Text.Json;
using Wampy.Payload;

namespace Wampy.Serialization.Cbor;

/// <summary>Positional arguments received as CBOR: the array's bytes, bound element by element on demand.</summary>
internal sealed class CborEncodedArguments(byte[] bytes, int count, JsonSerializerOptions options) : WampArguments
{
    /// <summary>The CBOR array, exactly as received.</summary>
    public byte[] Bytes => bytes;

    public override int Count => count;

    internal override int ApproximateSize => bytes.Length;

    internal override bool IsKnownEmpty => count == 0;

    private protected override T GetCore<T>(int index)
    {
        var reader = MoveTo(index);
        try
        {
            return CborValues.Bind<T>(reader, options);
        }
        finally
        {
            CborReaderCache.Return(reader);
        }
    }

    internal override object? GetRawValue(int index) => GetCore<JsonElement>(index);

    private CborReader MoveTo(int index)
    {
        var reader = CborReaderCache.Rent(bytes);
        reader.ReadStartArray();
        for (var i = 0; i < index; i++)
        {
            reader.SkipValue();
        }

        return reader;
    }
}
