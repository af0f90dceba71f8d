using System.Formats.Cbor;
using System.Text.Json;
using Wampy.Payload;

namespace Wampy.Serialization.Cbor;

/// <summary>Keyword arguments received as CBOR: the map's bytes, bound entry by entry on demand.</summary>
internal sealed class CborEncodedKeywordArguments(byte[] bytes, int count, JsonSerializerOptions options) : WampKeywordArguments
{
    private string[]? _keys;

    /// <summary>The CBOR map, exactly as received.</summary>
    public byte[] Bytes => bytes;

    public override int Count => count;

    public override IEnumerable<string> Keys => _keys ??= ReadKeys();

    internal override int ApproximateSize => bytes.Length;

    internal override bool IsKnownEmpty => count == 0;

    public override bool ContainsKey(string name) => TryMoveTo(name, out _);

    private protected override T GetCore<T>(string name)
    {
        TryMoveTo(name, out var reader);
        return CborValues.Bind<T>(reader, options);
    }

    private protected override T AsCore<T>() => CborValues.Bind<T>(new CborReader(bytes, CborConformanceMode.Lax), options);

    internal override object GetRawValue() => AsCore<JsonElement>();

    private string[] ReadKeys()
    {
        var reader = new CborReader(bytes, CborConformanceMode.Lax);
        reader.ReadStartMap();
        var keys = new List<string>(count);
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            keys.Add(reader.ReadTextString());
            reader.SkipValue();
        }

        return [.. keys];
    }

    private bool TryMoveTo(string name, out CborReader reader)
    {
        reader = new CborReader(bytes, CborConformanceMode.Lax);
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            if (reader.ReadTextString() == name)
            {
                return true;
            }

            reader.SkipValue();
        }

        return false;
    }
}
