using Wampy.Serialization.Cbor;
using Wampy.Serialization.Json;
using Wampy.Serialization.MessagePack;

namespace Wampy.Serialization;

/// <summary>
/// The serializers by name (<c>json</c>, <c>msgpack</c>, <c>cbor</c>), as configuration, the router and the CLI
/// name them. One place maps names to serializers for the client, the router and the command line.
/// </summary>
public static class WampSerializers
{
    private static readonly IWampSerializer[] All = [JsonWampSerializer.Default, MessagePackWampSerializer.Default, CborWampSerializer.Default];

    /// <summary>The names, in the default order of preference: <c>json</c>, <c>msgpack</c>, <c>cbor</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["json", "msgpack", "cbor"];

    /// <summary>The serializer called <paramref name="name"/> (case-insensitive), or <see langword="null"/> when there is none.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The serializer, or <see langword="null"/>.</returns>
    public static IWampSerializer? Find(string? name) => Create(name, limits: null);

    /// <summary>A serializer called <paramref name="name"/> with its own <paramref name="limits"/> (the shared default instance when <see langword="null"/>), or <see langword="null"/>.</summary>
    /// <param name="name">A name from <see cref="Names"/> (case-insensitive).</param>
    /// <param name="limits">Limits on what it reads (depth, sizes), or <see langword="null"/> for the defaults.</param>
    /// <returns>The serializer, or <see langword="null"/> when the name is unknown.</returns>
    public static IWampSerializer? Create(string? name, WampSerializerLimits? limits) => name?.ToLowerInvariant() switch
    {
        "json" => limits is null ? JsonWampSerializer.Default : new JsonWampSerializer(limits: limits),
        "msgpack" => limits is null ? MessagePackWampSerializer.Default : new MessagePackWampSerializer(limits: limits),
        "cbor" => limits is null ? CborWampSerializer.Default : new CborWampSerializer(limits: limits),
        _ => null,
    };

    /// <summary>
    /// The serializers for <paramref name="names"/> in that order; all three (JSON first) when the list is empty.
    /// </summary>
    /// <param name="names">Serializer names.</param>
    /// <returns>The serializers.</returns>
    /// <exception cref="ArgumentException">A name is unknown or given twice.</exception>
    public static IReadOnlyList<IWampSerializer> Resolve(IEnumerable<string> names) => Resolve(names, payloadOptions: null);

    /// <summary>
    /// The serializers for <paramref name="names"/> in that order (all three, JSON first, when the list is empty),
    /// binding application values with <paramref name="payloadOptions"/>.
    /// </summary>
    /// <param name="names">Serializer names.</param>
    /// <param name="payloadOptions">How application values bind (see <see cref="Json.WampJsonConvert.CreateOptions(System.Text.Json.JsonSerializerOptions?, System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver?)"/>); the shared defaults when <see langword="null"/>.</param>
    /// <returns>The serializers.</returns>
    /// <exception cref="ArgumentException">A name is unknown or given twice.</exception>
    public static IReadOnlyList<IWampSerializer> Resolve(IEnumerable<string> names, System.Text.Json.JsonSerializerOptions? payloadOptions)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (payloadOptions is not null)
        {
            var list = names.ToList();
            return Resolve(list.Count == 0 ? Names : list).Select(s => Create(s.Subprotocol, payloadOptions)).ToArray();
        }

        var result = new List<IWampSerializer>();
        foreach (var name in names)
        {
            var serializer = Find(name) ?? throw new ArgumentException(
                $"Unknown serializer '{name}': use {string.Join(", ", Names)}.", nameof(names));
            if (result.Contains(serializer))
            {
                throw new ArgumentException($"The serializer '{name}' is listed twice.", nameof(names));
            }

            result.Add(serializer);
        }

        return result.Count == 0 ? All : result;
    }

    private static IWampSerializer Create(string subprotocol, System.Text.Json.JsonSerializerOptions payloadOptions) => subprotocol switch
    {
        "wamp.2.json" => new JsonWampSerializer(payloadOptions),
        "wamp.2.msgpack" => new MessagePackWampSerializer(payloadOptions),
        _ => new CborWampSerializer(payloadOptions),
    };
}
