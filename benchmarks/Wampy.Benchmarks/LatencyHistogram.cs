namespace Wampy.Benchmarks;

/// <summary>
/// Latencies in whole microseconds, counted without allocating (so that the load tool does not add to the bytes per
/// call it reports): one bucket per µs up to 200 ms, the rest in the last bucket. Safe for concurrent recording.
/// </summary>
internal sealed class LatencyHistogram
{
    private readonly long[] _counts = new long[200_001];
    private long _total;

    public long Count => Interlocked.Read(ref _total);

    public void Record(double micros)
    {
        var bucket = micros <= 0 ? 0 : micros >= _counts.Length - 1 ? _counts.Length - 1 : (int)micros;
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _total);
    }

    public void Reset()
    {
        Array.Clear(_counts);
        Interlocked.Exchange(ref _total, 0);
    }

    public double Percentile(double p)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)(p * total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen > rank)
            {
                return i;
            }
        }

        return _counts.Length - 1;
    }
}
