using System.Text.Json;
using Wampy.Payload;

namespace Wampy.Serialization.Json;

/// <summary>Writes message fields as WAMP JSON with a <see cref="Utf8JsonWriter"/>.</summary>
internal readonly struct JsonFieldWriter(Utf8JsonWriter writer, JsonSerializerOptions options) : IWampFieldWriter
{
    public void StartMessage(int count) => writer.WriteStartArray();

    public void WriteInteger(long value) => writer.WriteNumberValue(value);

    public void WriteString(string value) => writer.WriteStringValue(value);

    public void WriteDictionary(IReadOnlyDictionary<string, object?> dictionary) => JsonValueWriter.WriteDictionary(writer, dictionary, options);

    public void WriteArguments(WampArguments arguments) => JsonValueWriter.WriteArguments(writer, arguments, options);

    public void WriteKeywordArguments(WampKeywordArguments argumentsKw) => JsonValueWriter.WriteKeywordArguments(writer, argumentsKw, options);

    public void WriteBinary(byte[] payload) => WampBinaryJsonConverter.WriteBinary(writer, payload);

    public void EndMessage() => writer.WriteEndArray();
}
