using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Wampy.Payload;

namespace Wampy.Serialization.Json;

/// <summary>The System.Text.Json settings Wampy binds payloads with, and conversions between .NET values.</summary>
public static class WampJsonConvert
{
    /// <summary>
    /// The default payload options: camelCase names, case-insensitive reading, relaxed escaping (non-ASCII
    /// text is written as-is), and WAMP binary strings for <see cref="byte"/>[] and <see cref="ReadOnlyMemory{T}"/>.
    /// Their contracts come from Wampy's own compile-time context (primitives, text, binary, dates, untyped JSON,
    /// common collections) and, where reflection-based serialization is enabled (not under Native AOT or with
    /// <c>JsonSerializerIsReflectionEnabledByDefault</c> off), from reflection for every other type.
    /// </summary>
    public static JsonSerializerOptions DefaultOptions { get; } = CreateOptions(null);

    /// <summary>
    /// Copies <paramref name="options"/> (or the defaults) and adds the WAMP binary converters, so that
    /// user settings keep their meaning and binary values follow the WAMP JSON convention.
    /// </summary>
    /// <param name="options">User options, or <see langword="null"/> for the defaults.</param>
    /// <returns>Read-only options ready for payload binding.</returns>
    public static JsonSerializerOptions CreateOptions(JsonSerializerOptions? options) => CreateOptions(options, resolver: null);

    /// <summary>
    /// The payload options for an application that brings its own JSON contracts (a source-generated
    /// <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>): <paramref name="resolver"/> first, then
    /// Wampy's own contracts, then reflection where it is enabled.
    /// </summary>
    /// <param name="options">User options, or <see langword="null"/> for the defaults.</param>
    /// <param name="resolver">The application's contracts, or <see langword="null"/>.</param>
    /// <returns>Read-only options ready for payload binding.</returns>
    public static JsonSerializerOptions CreateOptions(JsonSerializerOptions? options, IJsonTypeInfoResolver? resolver)
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
        result.TypeInfoResolver = Resolver(resolver ?? result.TypeInfoResolver);
        result.MakeReadOnly();
        return result;
    }

    /// <summary>
    /// <paramref name="options"/> ready for payload binding: the defaults when <see langword="null"/>, as they are when
    /// <see cref="CreateOptions(JsonSerializerOptions?, IJsonTypeInfoResolver?)"/> made them, else a prepared copy.
    /// </summary>
    internal static JsonSerializerOptions Prepare(JsonSerializerOptions? options) =>
        options is null ? DefaultOptions
        : options.IsReadOnly && options.Converters.Count > 1 && options.Converters[0] is WampBinaryJsonConverter ? options
        : CreateOptions(options);

    /// <summary>The application's contracts, Wampy's own, then reflection when the runtime allows it.</summary>
    private static IJsonTypeInfoResolver Resolver(IJsonTypeInfoResolver? application)
    {
        var reflection = JsonSerializer.IsReflectionEnabledByDefault ? ReflectionResolver() : null;
        return application is null
            ? JsonTypeInfoResolver.Combine(WampyJsonContext.Default, reflection)
            : JsonTypeInfoResolver.Combine(application, WampyJsonContext.Default, reflection);
    }

    /// <summary>
    /// Reflection-based contracts, reached only where the runtime enables reflection-based serialization: trimmed
    /// and Native AOT applications turn that feature switch off, and the trimmer then removes this call (as ASP.NET
    /// Core does for its own JSON options).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Guarded by JsonSerializer.IsReflectionEnabledByDefault.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Guarded by JsonSerializer.IsReflectionEnabledByDefault.")]
    private static DefaultJsonTypeInfoResolver ReflectionResolver() => new();

    /// <summary>
    /// The contract for <paramref name="type"/>, or a <see cref="WampPayloadBindingException"/> that says how to
    /// provide one (an application type unknown to a trimmed or Native AOT application).
    /// </summary>
    internal static JsonTypeInfo TypeInfo(JsonSerializerOptions options, Type type)
    {
        try
        {
            return options.GetTypeInfo(type);
        }
        catch (NotSupportedException ex)
        {
            throw new WampPayloadBindingException(
                $"No JSON contract for {type.FullName}: reflection-based serialization is off (Native AOT or trimming). Add " +
                $"[JsonSerializable(typeof({type.Name}))] to a JsonSerializerContext of the application and register it with " +
                "WampClientOptions.JsonTypeInfoResolver (AddWampy(...).AddJsonTypeInfoResolver(...) in a host).", ex);
        }
    }

    /// <inheritdoc cref="TypeInfo(JsonSerializerOptions, Type)"/>
    internal static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)TypeInfo(options, typeof(T));

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
            return element.Deserialize(TypeInfo<T>(options))!;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            JsonValueWriter.Write(writer, value, options);
        }

        return JsonSerializer.Deserialize(buffer.WrittenSpan, TypeInfo<T>(options))!;
    }
}
