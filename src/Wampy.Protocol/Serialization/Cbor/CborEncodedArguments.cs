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

    internal override bool IsKnownEmpty => count == 0;

    private protected override T GetCore<T>(int index) => CborValues.Bind<T>(MoveTo(index), options);

    internal override object? GetRawValue(int index) => CborValues.Bind<JsonElement>(MoveTo(index), options);

    private CborReader MoveTo(int index)
    {
        var reader = new CborReader(bytes, CborConformanceMode.Lax);
        reader.ReadStartArray();
        for (var i = 0; i < index; i++)
        {
            reader.SkipValue();
        }

        return reader;
    }
}
