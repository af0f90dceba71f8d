using Wampy.Messages;

namespace Wampy;

/// <summary>
/// Session-scoped request ids as the specification requires: sequential from 1, wrapping back to 1 after 2^53.
/// Thread-safe.
/// </summary>
internal sealed class WampRequestIdGenerator
{
    private long _last;

    /// <summary>Creates a generator whose next id is <paramref name="last"/> + 1 (for tests of the wrap-around).</summary>
    /// <param name="last">The id considered already issued; 0 for a new session.</param>
    public WampRequestIdGenerator(long last = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(last);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(last, WampIds.MaxId);
        _last = last;
    }

    /// <summary>The next request id, in [1, 2^53].</summary>
    /// <returns>The id.</returns>
    public long Next()
    {
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var next = last >= WampIds.MaxId ? 1 : last + 1;
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
