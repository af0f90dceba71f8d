using Wampy.Serialization.Json;

namespace Wampy.Payload;

/// <summary>Positional arguments made of .NET values supplied by the application.</summary>
internal sealed class ValueArguments(object?[] values) : WampArguments
{
    public override int Count => values.Length;

    internal override bool IsKnownEmpty => values.Length == 0;

    private protected override T GetCore<T>(int index) => WampJsonConvert.Convert<T>(values[index]);

    internal override object? GetRawValue(int index) => values[index];
}
