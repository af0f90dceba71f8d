using System.Collections.Concurrent;

namespace Wampy.Router.Authentication;

/// <summary>
/// Slows down guessing: after <see cref="WampRouterOptions.AuthenticationFailuresBeforeDelay"/> failed
/// authentications for one authid or from one remote address, each further refusal is answered only after a delay
/// that doubles with every failure (up to <see cref="WampRouterOptions.MaxAuthenticationDelay"/>). Only the failing
/// session waits; the router's other work goes on. A success for an authid forgets its failures. Entries expire.
/// </summary>
internal sealed class AuthenticationThrottle(WampRouterOptions options, TimeProvider time)
{
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Entry> _failures = new(StringComparer.Ordinal);

    /// <summary>Records a failure of <paramref name="authId"/> from <paramref name="address"/>; returns how long the refusal waits and whether to log it (first failure of a burst only).</summary>
    public (TimeSpan Delay, bool Log) Failed(string? authId, string address)
    {
        Sweep();
        var byId = Add("id:" + (authId ?? string.Empty));
        var byAddress = Add("ip:" + Host(address));
        var failures = Math.Max(byId, byAddress);
        var over = failures - options.AuthenticationFailuresBeforeDelay;
        var delay = over <= 0
            ? TimeSpan.Zero
            : TimeSpan.FromMilliseconds(Math.Min(options.MaxAuthenticationDelay.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(over - 1, 20))));
        return (delay, failures == 1 || failures % 100 == 0);
    }

    public void Succeeded(string authId) => _failures.TryRemove("id:" + authId, out _);

    private int Add(string key)
    {
        var now = time.GetUtcNow();
        // A burst is forgotten after Memory without a failure: the count starts again (no delay for an old typo).
        var entry = _failures.AddOrUpdate(key, _ => new Entry(1, now), (_, e) => now - e.Last > Memory ? new Entry(1, now) : e with { Count = e.Count + 1, Last = now });
        return entry.Count;
    }

    private void Sweep()
    {
        if (_failures.Count < 10_000)
        {
            return;
        }

        var cutoff = time.GetUtcNow() - Memory;
        foreach (var (key, entry) in _failures)
        {
            if (entry.Last < cutoff)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    /// <summary>The address without its port (<c>127.0.0.1:5555</c> → <c>127.0.0.1</c>).</summary>
    private static string Host(string address)
    {
        var colon = address.LastIndexOf(':');
        return colon > 0 && !address.EndsWith(']') ? address[..colon] : address;
    }

    private sealed record Entry(int Count, DateTimeOffset Last);
}
