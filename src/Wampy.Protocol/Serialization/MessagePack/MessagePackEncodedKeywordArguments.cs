using System.Text.Json;
using MessagePack;
using Wampy.Payload;

namespace Wampy.Serialization.MessagePack;

/// <summary>Keyword arguments received as MessagePack: the map's bytes, bound entry by entry on demand.</summary>
internal sealed class MessagePackEncodedKeywordArguments(byte[] bytes, int count, JsonSerializerOptions options) : WampKeywordArguments
{
    private string[]? _keys;

    /// <summary>The MessagePack map, exactly as received.</summary>
    public byte[] Bytes => bytes;

    public override int Count => count;

    public override IEnumerable<string> Keys => _keys ??= ReadKeys();

    internal override int ApproximateSize => bytes.Length;

    internal override bool IsKnownEmpty => count == 0;

    public override bool ContainsKey(string name)
    {
        var reader = new MessagePackReader(bytes);
        return TryMoveTo(ref reader, name);
    }

    private protected override T GetCore<T>(string name)
    {
        var reader = new MessagePackReader(bytes);
        TryMoveTo(ref reader, name);
        return MessagePackValues.Bind<T>(ref reader, options);
    }

    private protected override T AsCore<T>()
    {
        var reader = new MessagePackReader(bytes);
        return MessagePackValues.Bind<T>(ref reader, options);
    }

    internal override object GetRawValue() => AsCore<JsonElement>();

    private string[] ReadKeys()
    {
        var reader = new MessagePackReader(bytes);
        var keys = new string[reader.ReadMapHeader()];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = reader.ReadString()!;
            reader.Skip();
        }

        return keys;
    }

    private static bool TryMoveTo(ref MessagePackReader reader, string name)
    {
        var entries = reader.ReadMapHeader();
        for (var i = 0; i < entries; i++)
        {
            var match = reader.ReadString() == name;
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}
