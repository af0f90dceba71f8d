namespace Wampy.Session;

/// <summary>
/// What one session tracks by request id (requests waiting for replies, invocations in flight): a dictionary under a
/// lock (each operation is a few instructions), so that an entry costs no node allocation the way a concurrent
/// dictionary entry does.
/// </summary>
internal sealed class RequestTable<TValue>
    where TValue : class
{
    private readonly Dictionary<long, TValue> _requests = [];
    private readonly Lock _gate = new();

    public void Add(long requestId, TValue value)
    {
        lock (_gate)
        {
            _requests[requestId] = value;
        }
    }

    public bool TryGet(long requestId, out TValue value)
    {
        lock (_gate)
        {
            return _requests.TryGetValue(requestId, out value!);
        }
    }

    public bool TryRemove(long requestId, out TValue value)
    {
        lock (_gate)
        {
            return _requests.Remove(requestId, out value!);
        }
    }

    /// <summary>Removes the entry only if it is still <paramref name="value"/>.</summary>
    public bool TryRemove(long requestId, TValue value)
    {
        lock (_gate)
        {
            if (!_requests.TryGetValue(requestId, out var current) || !ReferenceEquals(current, value))
            {
                return false;
            }

            _requests.Remove(requestId);
            return true;
        }
    }

    /// <summary>What the table holds now.</summary>
    public TValue[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests.Values];
        }
    }

    /// <summary>Empties the table and returns what was in it.</summary>
    public TValue[] RemoveAll()
    {
        lock (_gate)
        {
            var all = _requests.Values.ToArray();
            _requests.Clear();
            return all;
        }
    }
}
