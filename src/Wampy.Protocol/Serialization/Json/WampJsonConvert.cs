using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wampy.Serialization.Json;

/// <summary>The System.Text.Json settings Wampy binds payloads with, and conversions between .NET values.</summary>
public static class WampJsonConvert
{
    /// <summary>
    /// The default payload options: camelCase names, case-insensitive reading, relaxed escaping (non-ASCII
    /// text is written as-is), and WAMP binary strings for <see cref="byte"/>[] and <see cref="ReadOnlyMemory{T}"/>.
    /// </summary>
    public static JsonSerializerOptions DefaultOptions { get; } = CreateOptions(null);

    /// <summary>
    /// Copies <paramref name="options"/> (or the defaults) and adds the WAMP binary converters, so that
    /// user settings keep their meaning and binary values follow the WAMP JSON convention.
    /// </summary>
    /// <param name="options">User options, or <see langword="null"/> for the defaults.</param>
    /// <returns>Read-only options ready for payload binding.</returns>
    public static JsonSerializerOptions CreateOptions(JsonSerializerOptions? options)
    {
        var result = options is null
            ? new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }
            : new JsonSerializerOptions(options);
        result.Converters.Insert(0, new WampBinaryJsonConverter());
        result.Converters.Insert(1, new WampReadOnlyMemoryJsonConverter());
        result.MakeReadOnly(populateMissingResolver: true);
        return result;
    }

    /// <summary>Converts a .NET value to <typeparamref name="T"/>: as-is when it already is one, else through JSON.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="options">Binding options; the defaults when <see langword="null"/>.</param>
    /// <returns>The converted value.</returns>
    internal static T Convert<T>(object? value, JsonSerializerOptions? options = null)
    {
        if (value is T same)
        {
            return same;
        }

        options ??= DefaultOptions;
        if (value is JsonElement element)
        {
            return element.Deserialize<T>(options)!;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            JsonValueWriter.Write(writer, value, options);
        }

        return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, options)!;
    }
}
