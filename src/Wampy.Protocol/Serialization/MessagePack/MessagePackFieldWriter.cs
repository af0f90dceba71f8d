using System.Text.Json;
using MessagePack;
using Wampy.Payload;

namespace Wampy.Serialization.MessagePack;

/// <summary>Writes WAMP message fields as MessagePack.</summary>
internal ref struct MessagePackFieldWriter(MessagePackWriter writer, JsonSerializerOptions options) : IWampFieldWriter
{
    private MessagePackWriter _writer = writer;

    public void StartMessage(int count) => _writer.WriteArrayHeader(count);

    public void WriteInteger(long value) => _writer.Write(value);

    public void WriteString(string value) => _writer.Write(value);

    public void WriteDictionary(IReadOnlyDictionary<string, object?> dictionary) => MessagePackValues.WriteMap(ref _writer, dictionary, options);

    public void WriteArguments(WampArguments arguments) => MessagePackValues.WriteArguments(ref _writer, arguments, options);

    public void WriteKeywordArguments(WampKeywordArguments argumentsKw) => MessagePackValues.WriteKeywordArguments(ref _writer, argumentsKw, options);

    public void WriteBinary(byte[] payload) => _writer.Write(payload);

    public void EndMessage() => _writer.Flush();
}
