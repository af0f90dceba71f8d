using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Wampy.Router.Authentication;
using Wampy.Router.Diagnostics;
using Wampy.Router.Sessions;
using Wampy.Router.Transports;
using Wampy.Serialization;

namespace Wampy.Router.Realms;

/// <summary>The router without its network: realms, serializers, session ids and the running sessions.</summary>
internal sealed class RouterCore
{
    private static readonly IReadOnlyDictionary<string, object?> Roles = new Dictionary<string, object?>
    {
        ["dealer"] = new Dictionary<string, object?>
        {
            ["features"] = Features(
                "progressive_call_results", "call_canceling", "call_timeout", "caller_identification",
                "pattern_based_registration", "shared_registration", "session_meta_api", "registration_meta_api"),
        },
        ["broker"] = new Dictionary<string, object?>
        {
            ["features"] = Features(
                "publisher_identification", "publisher_exclusion", "subscriber_blackwhite_listing",
                "pattern_based_subscription", "event_retention", "session_meta_api", "subscription_meta_api"),
        },
    };

    private readonly Dictionary<string, RouterRealm> _realms;
    private readonly ConcurrentDictionary<RouterSession, byte> _sessions = new();
    private readonly ConcurrentDictionary<long, byte> _sessionIds = new();
    private volatile bool _stopping;

    public RouterCore(WampRouterOptions options, ILogger logger, TimeProvider timeProvider, RouterTelemetry telemetry)
    {
        Options = options;
        Logger = logger;
        TimeProvider = timeProvider;
        AuthenticationThrottle = new Authentication.AuthenticationThrottle(options, timeProvider);
        Telemetry = telemetry;
        var realms = options.Realms.Count > 0 ? options.Realms : [new WampRealmOptions()];
        _realms = realms.ToDictionary(r => r.Name, r => new RouterRealm(r, this), StringComparer.Ordinal);
        var limits = new WampSerializerLimits();
        Serializers = options.Serializers.Select(name => WampSerializers.Create(name, limits)
            ?? throw new ArgumentException($"WampyRouter:Serializers contains '{name}'; supported: {string.Join(", ", WampSerializers.Names)}.")).ToArray();
    }

    public WampRouterOptions Options { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// After a slow consumer is cut, what was queued for it is garbage: a compacting collection (at most one every
    /// 30 seconds, off the caller's thread) gives that memory back to the operating system instead of keeping the peak.
    /// </summary>
    public void ReclaimMemorySoon()
    {
        var now = TimeProvider.GetTimestamp();
        var last = Interlocked.Read(ref _lastReclaim);
        if ((last != 0 && TimeProvider.GetElapsedTime(last, now) < TimeSpan.FromSeconds(30)) || Interlocked.CompareExchange(ref _lastReclaim, now, last) != last)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false); // let the cut session finish closing
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        });
    }

    private long _lastReclaim;

    /// <summary>Delays refusals after repeated failed authentications.</summary>
    public Authentication.AuthenticationThrottle AuthenticationThrottle { get; }

    public RouterTelemetry Telemetry { get; }

    /// <summary>The serializers the router accepts, in its configured order.</summary>
    public IReadOnlyList<IWampSerializer> Serializers { get; }

    public IEnumerable<RouterRealm> Realms => _realms.Values;

    public bool IsStopping => _stopping;

    /// <summary>How many connections run a session (joined or still in the handshake).</summary>
    public int ConnectionCount => _sessions.Count;

    public RouterRealm? FindRealm(string name) => _realms.GetValueOrDefault(name);

    public IWampSerializer? FindSerializer(string subprotocol) =>
        Serializers.FirstOrDefault(s => string.Equals(s.Subprotocol, subprotocol, StringComparison.Ordinal));

    /// <summary>A new session id: random in [1, 2^53], unique among running sessions.</summary>
    public long NewSessionId()
    {
        while (true)
        {
            var id = Random.Shared.NextInt64(1, Messages.WampIds.MaxId + 1);
            if (_sessionIds.TryAdd(id, 0))
            {
                return id;
            }
        }
    }

    public IReadOnlyDictionary<string, object?> WelcomeDetails(RouterSession session) => new Dictionary<string, object?>
    {
        ["realm"] = session.Realm!.Name,
        ["authid"] = session.AuthId,
        ["authrole"] = session.AuthRole,
        ["authmethod"] = session.AuthMethod,
        ["authprovider"] = "static",
        ["roles"] = Roles,
        ["agent"] = "Wampy.Router",
    };

    /// <summary>Runs one client connection as a session until it ends. Never throws.</summary>
    public async Task RunSessionAsync(IRouterConnection connection, TransportIdentity? transportIdentity = null)
    {
        var session = new RouterSession(connection, this, transportIdentity);
        _sessions[session] = 0;
        try
        {
            if (_stopping)
            {
                session.Abort(WampErrorUris.SystemShutdown, "The router is shutting down.");
            }

            await session.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            _sessions.TryRemove(session, out _);
            _sessionIds.TryRemove(session.Id, out _);
        }
    }

    /// <summary>Says GOODBYE to every session, waits for them up to the shutdown timeout, then ends the rest.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var sessions = _sessions.Keys.ToArray();
        foreach (var session in sessions)
        {
            session.Shutdown();
        }

        var all = Task.WhenAll(sessions.Select(s => s.Finished));
        try
        {
            await all.WaitAsync(Options.ShutdownTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            foreach (var session in sessions)
            {
                session.Kill();
            }

            await all.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, object?> Features(params string[] names) => names.ToDictionary(n => n, _ => (object?)true);
}
