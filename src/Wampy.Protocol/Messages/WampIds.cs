namespace Wampy.Messages;

/// <summary>WAMP ids: integers in [0, 2^53], so that every peer (JavaScript included) represents them exactly.</summary>
public static class WampIds
{
    /// <summary>The largest id: 2^53.</summary>
    public const long MaxId = 1L << 53;
}
