using System.Diagnostics;
using Wampy.Payload;

namespace Wampy.Diagnostics;

/// <summary>
/// W3C trace context on the wire: injected into CALL and PUBLISH options, extracted from INVOCATION and EVENT
/// details, as WAMP implementation-specific attributes (<c>_traceparent</c>, <c>_tracestate</c>, <c>_baggage</c>),
/// through <see cref="DistributedContextPropagator.Current"/> so the application's propagator settings apply.
/// </summary>
internal static class TraceContext
{
    /// <summary>The trace context of <paramref name="activity"/> as WAMP attributes, or <see langword="null"/> when there is none.</summary>
    public static Dictionary<string, object?>? Inject(Activity? activity)
    {
        if (activity is null)
        {
            return null;
        }

        var attributes = new Dictionary<string, object?>(3, StringComparer.Ordinal);
        DistributedContextPropagator.Current.Inject(activity, attributes, static (carrier, name, value) =>
        {
            if (carrier is Dictionary<string, object?> target && !string.IsNullOrEmpty(value))
            {
                target["_" + name] = value;
            }
        });
        return attributes.Count == 0 ? null : attributes;
    }

    /// <summary>The remote parent carried in <paramref name="details"/>, or <see langword="default"/> when there is none or it is malformed.</summary>
    public static ActivityContext Extract(IReadOnlyDictionary<string, object?> details, out IEnumerable<KeyValuePair<string, string?>>? baggage)
    {
        baggage = null;
        if (!details.ContainsKey("_traceparent"))
        {
            return default;
        }

        var propagator = DistributedContextPropagator.Current;
        propagator.ExtractTraceIdAndState(details, Getter, out var traceParent, out var traceState);
        baggage = propagator.ExtractBaggage(details, Getter);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
    }

    /// <summary><paramref name="wire"/> with the trace attributes added (a new dictionary; the original is shared).</summary>
    public static IReadOnlyDictionary<string, object?> With(IReadOnlyDictionary<string, object?> wire, Dictionary<string, object?>? trace)
    {
        if (trace is null)
        {
            return wire;
        }

        var merged = new Dictionary<string, object?>(wire.Count + trace.Count, StringComparer.Ordinal);
        foreach (var (key, value) in wire)
        {
            merged[key] = value;
        }

        foreach (var (key, value) in trace)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static void Getter(object? carrier, string name, out string? value, out IEnumerable<string>? values)
    {
        values = null;
        value = carrier is IReadOnlyDictionary<string, object?> details ? details.GetString("_" + name) : null;
    }
}
