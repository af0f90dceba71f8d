using Wampy.Serialization.Json;

namespace Wampy.Payload;

/// <summary>Keyword arguments made of a dictionary supplied by the application.</summary>
internal sealed class ValueKeywordArguments(IReadOnlyDictionary<string, object?> entries) : WampKeywordArguments
{
    public override int Count => entries.Count;

    public override IEnumerable<string> Keys => entries.Keys;

    internal override bool IsKnownEmpty => entries.Count == 0;

    public override bool ContainsKey(string name) => entries.ContainsKey(name);

    private protected override T GetCore<T>(string name) => WampJsonConvert.Convert<T>(entries[name]);

    private protected override T AsCore<T>() => entries is T same ? same : WampJsonConvert.Convert<T>(entries);

    internal override object GetRawValue() => entries;
}
