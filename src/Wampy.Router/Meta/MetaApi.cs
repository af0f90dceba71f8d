using Wampy.Messages;
using Wampy.Payload;
using Wampy.Router.Broker;
using Wampy.Router.Dealer;
using Wampy.Router.Matching;
using Wampy.Router.Realms;
using Wampy.Router.Sessions;

namespace Wampy.Router.Meta;

/// <summary>
/// The WAMP session, registration and subscription meta API of one realm: meta events published by the router
/// and meta procedures it answers itself. Every member runs under the realm's lock.
/// </summary>
internal sealed class MetaApi(RouterRealm realm)
{
    /// <summary>The meta procedures the router answers, as announced in WELCOME.</summary>
    public static readonly string[] Procedures =
    [
        "wamp.session.count", "wamp.session.list", "wamp.session.get",
        "wamp.registration.list", "wamp.registration.lookup", "wamp.registration.match", "wamp.registration.get",
        "wamp.registration.list_callees", "wamp.registration.count_callees",
        "wamp.subscription.list", "wamp.subscription.lookup", "wamp.subscription.match", "wamp.subscription.get",
        "wamp.subscription.list_subscribers", "wamp.subscription.count_subscribers",
        "wamp.registration.remove", "wamp.subscription.remove",
        "wamp.session.kill", "wamp.session.kill_by_authid", "wamp.session.kill_by_authrole", "wamp.session.kill_all",
    ];

    /// <summary>The GOODBYE reason a killed session receives when the caller names none.</summary>
    public const string DefaultKillReason = "wamp.close.killed";

    private const string DefaultRevocationReason = "wamp.error.kicked";

    public void SessionJoined(RouterSession session) => Publish("wamp.session.on_join", SessionDetails(session, includePeer: false));

    public void SessionLeft(RouterSession session) => Publish("wamp.session.on_leave", session.Id, session.AuthId, session.AuthRole);

    public void RegistrationCreated(RouterSession session, Registration registration) =>
        Publish("wamp.registration.on_create", session.Id, registration.Describe());

    public void Registered(RouterSession session, Registration registration) => Publish("wamp.registration.on_register", session.Id, registration.Id);

    public void Unregistered(RouterSession session, Registration registration) => Publish("wamp.registration.on_unregister", session.Id, registration.Id);

    public void RegistrationDeleted(RouterSession session, Registration registration) => Publish("wamp.registration.on_delete", session.Id, registration.Id);

    public void SubscriptionCreated(RouterSession session, Subscription subscription) =>
        Publish("wamp.subscription.on_create", session.Id, subscription.Describe());

    public void Subscribed(RouterSession session, Subscription subscription) => Publish("wamp.subscription.on_subscribe", session.Id, subscription.Id);

    public void Unsubscribed(RouterSession session, Subscription subscription) => Publish("wamp.subscription.on_unsubscribe", session.Id, subscription.Id);

    public void SubscriptionDeleted(RouterSession session, Subscription subscription) => Publish("wamp.subscription.on_delete", session.Id, subscription.Id);

    /// <summary>Answers <paramref name="call"/> when it names a meta procedure; <see langword="false"/> otherwise.</summary>
    public bool TryCall(RouterSession caller, CallMessage call)
    {
        if (!call.Procedure.StartsWith("wamp.", StringComparison.Ordinal))
        {
            return false;
        }

        object? result;
        try
        {
            result = call.Procedure.StartsWith("wamp.session.kill", StringComparison.Ordinal)
                ? Kill(caller, call.Procedure, call.Arguments ?? WampArguments.Empty, call.ArgumentsKw)
                : Invoke(caller, call.Procedure, call.Arguments ?? WampArguments.Empty);
        }
        catch (WampPayloadBindingException ex)
        {
            caller.Send(RouterErrors.Error(WampMessageType.Call, call.RequestId, WampErrorUris.InvalidArgument, ex.Message));
            return true;
        }
        catch (MetaLookupException ex)
        {
            caller.Send(RouterErrors.Error(WampMessageType.Call, call.RequestId, ex.Error, ex.Message));
            return true;
        }

        if (result is NotAMetaProcedure)
        {
            return false;
        }

        caller.Send(result is NoResult
            ? new ResultMessage(call.RequestId, WampDictionary.Empty)
            : new ResultMessage(call.RequestId, WampDictionary.Empty, WampArguments.From([result])));
        return true;
    }

    private object? Invoke(RouterSession caller, string procedure, WampArguments args) => procedure switch
    {
        "wamp.session.count" => (long)Sessions(args).Count(),
        "wamp.session.list" => Sessions(args).Select(s => (object?)s.Id).ToArray(),
        "wamp.session.get" => SessionDetails(
            realm.Sessions.GetValueOrDefault(args.Get<long>(0))
                ?? throw new MetaLookupException("wamp.error.no_such_session", $"There is no session {args.Get<long>(0)} in this realm."),
            includePeer: realm.Authorizer.IsGranted(caller.AuthRole, RouterAction.Call, "wamp.session.get")),
        "wamp.registration.list" => List(realm.Dealer.Registrations, r => r.Id),
        "wamp.registration.lookup" => realm.Dealer.Registrations.Find(args.Get<string>(0), Match(args))?.Id,
        "wamp.registration.match" => realm.Dealer.Registrations.MatchBest(args.Get<string>(0))?.Id,
        "wamp.registration.get" => Registration(args).Describe(),
        "wamp.registration.list_callees" => Registration(args).Callees.Select(c => (object?)c.Session.Id).ToArray(),
        "wamp.registration.count_callees" => (long)Registration(args).Callees.Count,
        "wamp.subscription.list" => List(realm.Broker.Subscriptions, s => s.Id),
        "wamp.subscription.lookup" => realm.Broker.Subscriptions.Find(args.Get<string>(0), Match(args))?.Id,
        "wamp.subscription.match" => MatchSubscriptions(args.Get<string>(0)),
        "wamp.subscription.get" => Subscription(args).Describe(),
        "wamp.subscription.list_subscribers" => Subscription(args).Subscribers.Select(s => (object?)s.Id).ToArray(),
        "wamp.subscription.count_subscribers" => (long)Subscription(args).Subscribers.Count,
        "wamp.registration.remove" => RemoveRegistration(args),
        "wamp.subscription.remove" => RemoveSubscription(args),
        _ => NotAMetaProcedure.Instance,
    };

    /// <summary>
    /// <c>wamp.session.kill</c> (one session by id; the result is empty), <c>kill_by_authid</c>,
    /// <c>kill_by_authrole</c> and <c>kill_all</c> (the result is how many sessions were killed; the caller is never
    /// among them). Each killed session receives GOODBYE with the keyword arguments <c>reason</c> (a URI, default
    /// <see cref="DefaultKillReason"/>) and <c>message</c>, and is closed if it does not answer in time.
    /// </summary>
    private object? Kill(RouterSession caller, string procedure, WampArguments args, WampKeywordArguments? kwargs)
    {
        var reason = DefaultKillReason;
        string? message = null;
        if (kwargs is not null)
        {
            if (kwargs.TryGet<string>("reason", out var given) && given is not null)
            {
                if (!WampUri.IsValid(given))
                {
                    throw new MetaLookupException(WampErrorUris.InvalidArgument, $"The reason '{given}' is not a valid URI.");
                }

                reason = given;
            }

            if (kwargs.TryGet<string>("message", out var text))
            {
                message = text;
            }
        }

        IEnumerable<RouterSession> victims;
        switch (procedure)
        {
            case "wamp.session.kill":
                var id = args.Get<long>(0);
                if (id == caller.Id)
                {
                    throw new MetaLookupException(WampErrorUris.InvalidArgument, "A session cannot kill itself: leave with GOODBYE.");
                }

                var target = realm.Sessions.GetValueOrDefault(id)
                    ?? throw new MetaLookupException("wamp.error.no_such_session", $"There is no session {id} in this realm.");
                target.Close(reason, message);
                return NoResult.Instance;
            case "wamp.session.kill_by_authid":
                var authId = args.Get<string>(0);
                victims = realm.Sessions.Values.Where(s => s.Id != caller.Id && s.AuthId == authId);
                break;
            case "wamp.session.kill_by_authrole":
                var authRole = args.Get<string>(0);
                victims = realm.Sessions.Values.Where(s => s.Id != caller.Id && s.AuthRole == authRole);
                break;
            case "wamp.session.kill_all":
                victims = realm.Sessions.Values.Where(s => s.Id != caller.Id);
                break;
            default:
                return NotAMetaProcedure.Instance;
        }

        var killed = 0L;
        foreach (var victim in victims.ToArray())
        {
            victim.Close(reason, message);
            killed++;
        }

        return killed;
    }

    private IEnumerable<RouterSession> Sessions(WampArguments args)
    {
        var roles = args.Count > 0 && args.TryGet<string[]>(0, out var filter) && filter is { Length: > 0 } ? filter : null;
        return roles is null ? realm.Sessions.Values : realm.Sessions.Values.Where(s => roles.Contains(s.AuthRole));
    }

    private static WampMatch Match(WampArguments args)
    {
        if (args.Count > 1 && args.TryGet<Dictionary<string, string>>(1, out var options) &&
            options.TryGetValue("match", out var match) && WampWireNames.TryParseMatch(match, out var policy))
        {
            return policy;
        }

        return WampMatch.Exact;
    }

    private object? RemoveRegistration(WampArguments args)
    {
        realm.Dealer.Revoke(Registration(args).Id, Reason(args));
        return null;
    }

    private object? RemoveSubscription(WampArguments args)
    {
        realm.Broker.Revoke(Subscription(args).Id, Reason(args));
        return null;
    }

    private static string Reason(WampArguments args) =>
        args.Count > 1 && args.TryGet<string>(1, out var reason) && !string.IsNullOrEmpty(reason) ? reason : DefaultRevocationReason;

    private Registration Registration(WampArguments args) =>
        realm.Dealer.FindById(args.Get<long>(0))
        ?? throw new MetaLookupException(WampErrorUris.NoSuchRegistration, $"There is no registration {args.Get<long>(0)} in this realm.");

    private Subscription Subscription(WampArguments args) =>
        realm.Broker.FindById(args.Get<long>(0))
        ?? throw new MetaLookupException(WampErrorUris.NoSuchSubscription, $"There is no subscription {args.Get<long>(0)} in this realm.");

    private object?[]? MatchSubscriptions(string topic)
    {
        var matches = new List<Subscription>();
        realm.Broker.Subscriptions.MatchAll(topic, matches);
        return matches.Count == 0 ? null : matches.Select(s => (object?)s.Id).ToArray();
    }

    private static Dictionary<string, object?> List<T>(UriPatternTable<T> table, Func<T, long> id)
        where T : class => new()
    {
        ["exact"] = table.Exact.Select(t => (object?)id(t)).ToArray(),
        ["prefix"] = table.Prefix.Select(t => (object?)id(t)).ToArray(),
        ["wildcard"] = table.Wildcard.Select(t => (object?)id(t)).ToArray(),
    };

    /// <summary>A session's details; its peer address only for callers whose role is granted <c>wamp.session.get</c> explicitly.</summary>
    private static Dictionary<string, object?> SessionDetails(RouterSession session, bool includePeer) => new()
    {
        ["session"] = session.Id,
        ["authid"] = session.AuthId,
        ["authrole"] = session.AuthRole,
        ["authmethod"] = session.AuthMethod,
        ["authprovider"] = "static",
        ["transport"] = includePeer
            ? new Dictionary<string, object?> { ["type"] = session.TransportType, ["peer"] = session.PeerAddress }
            : new Dictionary<string, object?> { ["type"] = session.TransportType },
    };

    private void Publish(string topic, params object?[] args) => realm.Broker.PublishMeta(topic, WampArguments.From(args));

    /// <summary>A meta procedure that answers with an empty RESULT.</summary>
    private sealed class NoResult
    {
        public static readonly NoResult Instance = new();
    }

    private sealed class NotAMetaProcedure
    {
        public static readonly NotAMetaProcedure Instance = new();
    }

    private sealed class MetaLookupException(string error, string message) : Exception(message)
    {
        public string Error { get; } = error;
    }
}
