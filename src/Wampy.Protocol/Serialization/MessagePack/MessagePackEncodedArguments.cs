using System.Text.Json;
using MessagePack;
using Wampy.Payload;

namespace Wampy.Serialization.MessagePack;

/// <summary>Positional arguments received as MessagePack: the array's bytes, bound element by element on demand.</summary>
internal sealed class MessagePackEncodedArguments(byte[] bytes, int count, JsonSerializerOptions options) : WampArguments
{
    /// <summary>The MessagePack array, exactly as received.</summary>
    public byte[] Bytes => bytes;

    public override int Count => count;

    internal override int ApproximateSize => bytes.Length;

    internal override bool IsKnownEmpty => count == 0;

    private protected override T GetCore<T>(int index)
    {
        var reader = MoveTo(index);
        return MessagePackValues.Bind<T>(ref reader, options);
    }

    internal override object? GetRawValue(int index)
    {
        var reader = MoveTo(index);
        return MessagePackValues.Bind<JsonElement>(ref reader, options);
    }

    private MessagePackReader MoveTo(int index)
    {
        var reader = new MessagePackReader(bytes);
        reader.ReadArrayHeader();
        for (var i = 0; i < index; i++)
        {
            reader.Skip();
        }

        return reader;
    }
}
