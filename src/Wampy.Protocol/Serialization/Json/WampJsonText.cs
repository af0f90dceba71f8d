using System.Buffers;
using System.Text;
using System.Text.Json;
using Wampy.Payload;

namespace Wampy.Serialization.Json;

/// <summary>Formats payloads as JSON text for logs, tools and <c>ToString()</c>.</summary>
internal static class WampJsonText
{
    public static string Format(WampArguments arguments) => Format(arguments, static (writer, value) => JsonValueWriter.WriteArguments(writer, value, WampJsonConvert.DefaultOptions));

    public static string Format(WampKeywordArguments arguments) => Format(arguments, static (writer, value) => JsonValueWriter.WriteKeywordArguments(writer, value, WampJsonConvert.DefaultOptions));

    private static string Format<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = WampJsonConvert.DefaultOptions.Encoder }))
        {
            write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
