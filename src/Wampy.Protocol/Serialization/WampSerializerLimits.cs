namespace Wampy.Serialization;

/// <summary>Limits a serializer enforces while decoding untrusted frames.</summary>
public sealed class WampSerializerLimits
{
    /// <summary>The deepest nesting of lists and dictionaries accepted in a message. Default 64.</summary>
    public int MaxDepth { get; init; } = 64;
}
