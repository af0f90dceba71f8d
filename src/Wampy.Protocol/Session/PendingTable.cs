namespace Wampy.Session;

/// <summary>
/// The requests of one session waiting for their replies, by request id: a dictionary under a lock (each operation is
/// a few instructions), so that a request costs no node allocation the way a concurrent dictionary entry does.
/// </summary>
internal sealed class PendingTable
{
    private readonly Dictionary<long, PendingRequest> _requests = [];
    private readonly Lock _gate = new();

    public void Add(long requestId, PendingRequest pending)
    {
        lock (_gate)
        {
            _requests[requestId] = pending;
        }
    }

    public bool TryGet(long requestId, out PendingRequest pending)
    {
        lock (_gate)
        {
            return _requests.TryGetValue(requestId, out pending!);
        }
    }

    public bool TryRemove(long requestId, out PendingRequest pending)
    {
        lock (_gate)
        {
            return _requests.Remove(requestId, out pending!);
        }
    }

    /// <summary>Removes the entry only if it is still <paramref name="pending"/>.</summary>
    public bool TryRemove(long requestId, PendingRequest pending)
    {
        lock (_gate)
        {
            if (!_requests.TryGetValue(requestId, out var current) || !ReferenceEquals(current, pending))
            {
                return false;
            }

            _requests.Remove(requestId);
            return true;
        }
    }

    /// <summary>Empties the table and returns what was in it.</summary>
    public PendingRequest[] RemoveAll()
    {
        lock (_gate)
        {
            var all = _requests.Values.ToArray();
            _requests.Clear();
            return all;
        }
    }
}
