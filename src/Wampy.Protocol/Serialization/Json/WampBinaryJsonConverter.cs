using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wampy.Serialization.Json;

/// <summary>
/// Binary values in WAMP JSON: a string that starts with <c>\u0000</c> followed by the base64 of the bytes.
/// Reading also accepts plain base64 (System.Text.Json's own form) and an array of byte values.
/// </summary>
public sealed class WampBinaryJsonConverter : JsonConverter<byte[]>
{
    /// <inheritdoc />
    public override byte[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var list = new List<byte>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(reader.GetByte());
                }

                return [.. list];
            case JsonTokenType.String:
                return ReadBinaryString(ref reader);
            default:
                throw new JsonException($"Expected a binary string (\"\\u0000\" + base64), got {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) => WriteBinary(writer, value);

    /// <summary>Writes bytes as a WAMP JSON binary string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The bytes.</param>
    internal static void WriteBinary(Utf8JsonWriter writer, ReadOnlySpan<byte> value)
    {
        var length = 1 + Base64.GetMaxEncodedToUtf8Length(value.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            rented[0] = 0;
            Base64.EncodeToUtf8(value, rented.AsSpan(1), out _, out var written);
            writer.WriteStringValue(rented.AsSpan(0, written + 1));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Whether the current string token is a WAMP JSON binary string (starts with U+0000).</summary>
    /// <param name="reader">A reader positioned on a string.</param>
    /// <returns><see langword="true"/> for a binary string.</returns>
    internal static bool IsBinaryString(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.FirstSpan : reader.ValueSpan;
        return reader.ValueIsEscaped
            ? raw.StartsWith("\\u0000"u8)
            : raw.Length > 0 && raw[0] == 0;
    }

    /// <summary>Reads the current string token as bytes: <c>\u0000</c> + base64, or plain base64.</summary>
    /// <param name="reader">A reader positioned on a string.</param>
    /// <returns>The bytes.</returns>
    internal static byte[] ReadBinaryString(ref Utf8JsonReader reader)
    {
        var text = reader.GetString()!;
        var base64 = text.Length > 0 && text[0] == '\0' ? text.AsSpan(1) : text.AsSpan();
        var buffer = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64Chars(base64, buffer, out var written))
        {
            throw new JsonException("A binary value must be \"\\u0000\" followed by base64; the base64 part is invalid.");
        }

        return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
    }
}
