using Wampy.Payload;

namespace Wampy.Serialization;

/// <summary>Writes the fields of one WAMP message in any wire format, as <see cref="MessageLayout"/> gives them.</summary>
internal interface IWampFieldWriter
{
    /// <summary>Starts the message list; <paramref name="count"/> elements follow (the type code included).</summary>
    void StartMessage(int count);

    /// <summary>Writes an integer (type code, id, request type).</summary>
    void WriteInteger(long value);

    /// <summary>Writes a string.</summary>
    void WriteString(string value);

    /// <summary>Writes a dictionary of .NET values.</summary>
    void WriteDictionary(IReadOnlyDictionary<string, object?> dictionary);

    /// <summary>Writes positional arguments.</summary>
    void WriteArguments(WampArguments arguments);

    /// <summary>Writes keyword arguments.</summary>
    void WriteKeywordArguments(WampKeywordArguments argumentsKw);

    /// <summary>Writes a passthrough payload as binary.</summary>
    void WriteBinary(byte[] payload);

    /// <summary>Ends the message list.</summary>
    void EndMessage();
}
