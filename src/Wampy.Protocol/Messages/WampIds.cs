namespace Wampy.Messages;

/// <summary>WAMP ids: integers in [0, 2^53], so that every peer (JavaScript included) represents them exactly.</summary>
internal static class WampIds
{
    /// <summary>The largest id: 2^53.</summary>
    public const long MaxId = 1L << 53;

    /// <summary>An id from a float, as JavaScript encoders send large integers: only integral values in range.</summary>
    /// <param name="value">The float.</param>
    /// <param name="id">The id.</param>
    /// <returns>Whether the float is an id.</returns>
    public static bool TryFromDouble(double value, out long id)
    {
        if (value is >= 0 and <= MaxId && Math.Floor(value) == value)
        {
            id = (long)value;
            return true;
        }

        id = 0;
        return false;
    }
}
