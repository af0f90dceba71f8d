using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wampy.Serialization.Json;

/// <summary>Binds WAMP JSON binary strings to and from <see cref="ReadOnlyMemory{T}"/> of bytes.</summary>
public sealed class WampReadOnlyMemoryJsonConverter : JsonConverter<ReadOnlyMemory<byte>>
{
    private static readonly WampBinaryJsonConverter Inner = new();

    /// <inheritdoc />
    public override ReadOnlyMemory<byte> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Inner.Read(ref reader, typeof(byte[]), options) ?? ReadOnlyMemory<byte>.Empty;

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ReadOnlyMemory<byte> value, JsonSerializerOptions options) =>
        WampBinaryJsonConverter.WriteBinary(writer, value.Span);
}
