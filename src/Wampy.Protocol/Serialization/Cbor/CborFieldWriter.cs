using System.Formats.Cbor;
using System.Text.Json;
using Wampy.Payload;

namespace Wampy.Serialization.Cbor;

/// <summary>Writes WAMP message fields as CBOR (definite lengths).</summary>
internal readonly struct CborFieldWriter(CborWriter writer, JsonSerializerOptions options) : IWampFieldWriter
{
    public void StartMessage(int count) => writer.WriteStartArray(count);

    public void WriteInteger(long value) => writer.WriteInt64(value);

    public void WriteString(string value) => writer.WriteTextString(value);

    public void WriteDictionary(IReadOnlyDictionary<string, object?> dictionary) => CborValues.WriteMap(writer, dictionary, options);

    public void WriteArguments(WampArguments arguments) => CborValues.WriteArguments(writer, arguments, options);

    public void WriteKeywordArguments(WampKeywordArguments argumentsKw) => CborValues.WriteKeywordArguments(writer, argumentsKw, options);

    public void WriteBinary(byte[] payload) => writer.WriteByteString(payload);

    public void EndMessage() => writer.WriteEndArray();
}
