using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Serialization;

/// <summary>
/// Reads the fields of one WAMP message in any wire format, in the order <see cref="MessageLayout"/> asks for them.
/// Implementations are usually ref structs over the format's own reader; every failure is a
/// <see cref="WampProtocolViolationException"/> naming the message type and the field.
/// </summary>
internal interface IWampFieldReader
{
    /// <summary>Reads the start of the message list and its type code.</summary>
    int ReadTypeCode();

    /// <summary>Reads an id in [0, 2^53].</summary>
    long ReadId(string field);

    /// <summary>Reads a 32-bit integer.</summary>
    int ReadInt32(string field);

    /// <summary>Reads a string.</summary>
    string ReadString(string field);

    /// <summary>Reads a dictionary (<c>null</c> reads as empty).</summary>
    IReadOnlyDictionary<string, object?> ReadDictionary(string field);

    /// <summary>Reads an optional trailing dictionary, then the end of the message.</summary>
    IReadOnlyDictionary<string, object?>? ReadOptionalDictionaryAndEnd(string field);

    /// <summary>Reads the optional trailing Arguments|list and ArgumentsKw|dict (or a passthrough payload), then the end.</summary>
    void ReadPayloadAndEnd(IReadOnlyDictionary<string, object?> optionsOrDetails, out WampArguments? arguments, out WampKeywordArguments? argumentsKw, out byte[]? payload);

    /// <summary>Reads the end of the message: no element may be left.</summary>
    void End();

    /// <summary>Builds the violation for <paramref name="what"/>, naming the message type.</summary>
    WampProtocolViolationException Violation(string what);

    /// <summary>The message type being read, once known.</summary>
    WampMessageType MessageType { set; }
}
