using System.Text.Json;
using System.Text.Json.Serialization;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Json;

namespace Wampy.Protocol.Tests.Serialization;

public sealed record Shipment(string Id, int Parcels);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Shipment))]
public sealed partial class ShipmentJsonContext : JsonSerializerContext;

/// <summary>
/// Payload contracts as a trimmed or Native AOT application sees them: Wampy's own source-generated contracts, the
/// application's context first, and a clear error for a type that has none.
/// </summary>
public sealed class JsonContractTests
{
    /// <summary>What a Native AOT application has: no reflection, only generated contracts.</summary>
    private static JsonSerializerOptions WithoutReflection(params System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver[] resolvers) =>
        new(JsonSerializerDefaults.Web) { TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine([.. resolvers, WampyJsonContext.Default]) };

    [Fact]
    public void Wampy_covers_its_own_types_without_reflection()
    {
        var options = WithoutReflection();

        foreach (var type in new[] { typeof(string), typeof(long), typeof(double), typeof(bool), typeof(byte[]), typeof(JsonElement), typeof(Dictionary<string, object>), typeof(List<string>), typeof(DateTimeOffset), typeof(Guid), typeof(object[]) })
        {
            Assert.Equal(type, WampJsonConvert.TypeInfo(options, type).Type);
        }
    }

    [Fact]
    public void An_application_type_without_a_contract_fails_saying_how_to_add_one()
    {
        var error = Assert.Throws<WampPayloadBindingException>(() => WampJsonConvert.TypeInfo(WithoutReflection(), typeof(Shipment)));

        Assert.Contains("No JSON contract for Wampy.Protocol.Tests.Serialization.Shipment", error.Message, StringComparison.Ordinal);
        Assert.Contains("[JsonSerializable(typeof(Shipment))]", error.Message, StringComparison.Ordinal);
        Assert.Contains("JsonTypeInfoResolver", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public void The_applications_context_binds_its_types_in_every_serializer(string name)
    {
        var options = WampJsonConvert.CreateOptions(null, ShipmentJsonContext.Default);
        var serializer = WampSerializers.Resolve([name], options)[0];
        var frame = new System.Buffers.ArrayBufferWriter<byte>();

        serializer.Serialize(new Messages.PublishMessage(7, WampDictionary.Empty, "com.example.shipped", WampArguments.From(new Shipment("S-1", 3)), null), frame);
        var decoded = (Messages.PublishMessage)serializer.Deserialize(frame.WrittenMemory);

        Assert.Equal(new Shipment("S-1", 3), decoded.Arguments!.Get<Shipment>(0));
        Assert.Same(ShipmentJsonContext.Default, options.TypeInfoResolverChain[0]);
    }
}
