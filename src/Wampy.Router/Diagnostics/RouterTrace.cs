using System.Diagnostics;
using Wampy.Diagnostics;

namespace Wampy.Router.Diagnostics;

/// <summary>
/// The router's part of a distributed trace: a CALL or PUBLISH that carries W3C trace context (<c>_traceparent</c>,
/// <c>_tracestate</c>, <c>_baggage</c>) gets a routing span, child of the caller's or publisher's span, and the
/// INVOCATION or EVENT carries the routing span's context on to the callee or subscribers. Without listeners on the
/// <c>Wampy.Router</c> ActivitySource the attributes are forwarded unchanged; without them nothing is added.
/// </summary>
internal static class RouterTrace
{
    /// <summary>The name of the router's ActivitySource (and Meter): <c>Wampy.Router</c>.</summary>
    public const string Name = "Wampy.Router";

    public static ActivitySource ActivitySource { get; } = new(Name, typeof(RouterTrace).Assembly.GetName().Version?.ToString(3));

    private static readonly string[] Keys = ["_traceparent", "_tracestate", "_baggage"];

    /// <summary>Starts the routing span when the request carries a trace; returns the attributes to forward (or none).</summary>
    public static Dictionary<string, object?>? Route(IReadOnlyDictionary<string, object?> options, string name, string realm, out Activity? activity)
    {
        activity = null;
        if (!options.ContainsKey("_traceparent"))
        {
            return null;
        }

        if (ActivitySource.HasListeners())
        {
            var parent = TraceContext.Extract(options, out _);
            activity = ActivitySource.StartActivity(name, ActivityKind.Internal, parent);
            activity?.SetTag("wamp.realm", realm);
            if (activity is not null)
            {
                return TraceContext.Inject(activity);
            }
        }

        var forward = new Dictionary<string, object?>(3, StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (options.TryGetValue(key, out var value) && value is string text)
            {
                forward[key] = text;
            }
        }

        return forward;
    }

    /// <summary><paramref name="details"/> with the forwarded trace attributes (the shared empty dictionary is never changed).</summary>
    public static IReadOnlyDictionary<string, object?> With(IReadOnlyDictionary<string, object?> details, Dictionary<string, object?>? forward) =>
        TraceContext.With(details, forward);
}
