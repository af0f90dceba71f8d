using Wampy.Messages;
using Wampy.Payload;
using Wampy.Router.Matching;
using Wampy.Router.Realms;
using Wampy.Router.Sessions;

namespace Wampy.Router.Broker;

/// <summary>
/// Routes events of one realm: subscriptions (exact, prefix, wildcard), publisher exclusion and
/// black/whitelisting, publisher disclosure, acknowledged publications and retained events.
/// </summary>
internal sealed class Broker(RouterRealm realm)
{
    private readonly UriPatternTable<Subscription> _subscriptions = new();
    private readonly Dictionary<long, Subscription> _byId = [];
    private readonly Dictionary<string, EventMessage> _retained = new(StringComparer.Ordinal);
    private readonly List<Subscription> _matches = [];
    private long _lastSubscriptionId;

    public UriPatternTable<Subscription> Subscriptions => _subscriptions;

    public Subscription? FindById(long id) => _byId.GetValueOrDefault(id);

    public void Subscribe(RouterSession session, SubscribeMessage subscribe)
    {
        WampWireNames.TryParseMatch(subscribe.Options.GetString("match"), out var match);
        var problem = WampUri.Explain(subscribe.Topic, match, realm.Router.Options.StrictUris);
        if (problem is not null)
        {
            RouterErrors.Reply(session, subscribe.MessageType, subscribe.RequestId, WampErrorUris.InvalidUri, $"'{subscribe.Topic}' is not a valid topic URI: {problem}.");
            return;
        }

        if (!realm.Authorizer.IsAllowed(session.AuthRole, RouterAction.Subscribe, subscribe.Topic, match))
        {
            RouterErrors.Reply(session, subscribe.MessageType, subscribe.RequestId, WampErrorUris.NotAuthorized, $"Role '{session.AuthRole}' may not subscribe to '{subscribe.Topic}'.");
            return;
        }

        lock (realm.Gate)
        {
            var subscription = _subscriptions.Find(subscribe.Topic, match);
            var created = subscription is null;
            if (subscription is null)
            {
                subscription = new Subscription(++_lastSubscriptionId, subscribe.Topic, match);
                _subscriptions.Add(subscribe.Topic, match, subscription);
                _byId.Add(subscription.Id, subscription);
            }

            var added = !subscription.Subscribers.Contains(session);
            if (added)
            {
                subscription.Subscribers.Add(session);
                session.State.Subscriptions.Add(subscription.Id, subscription);
            }

            session.Send(new SubscribedMessage(subscribe.RequestId, subscription.Id));
            if (created)
            {
                realm.Meta.SubscriptionCreated(session, subscription);
            }

            if (added)
            {
                realm.Meta.Subscribed(session, subscription);
            }

            if (subscribe.Options.GetBoolean("get_retained") == true)
            {
                SendRetained(session, subscription);
            }
        }
    }

    public void Unsubscribe(RouterSession session, UnsubscribeMessage unsubscribe)
    {
        lock (realm.Gate)
        {
            if (!session.State.Subscriptions.Remove(unsubscribe.SubscriptionId, out var subscription))
            {
                RouterErrors.Reply(session, unsubscribe.MessageType, unsubscribe.RequestId, WampErrorUris.NoSuchSubscription,
                    $"This session has no subscription {unsubscribe.SubscriptionId}.");
                return;
            }

            RemoveSubscriber(session, subscription);
            session.Send(new UnsubscribedMessage(unsubscribe.RequestId));
        }
    }

    public void Publish(RouterSession publisher, PublishMessage publish)
    {
        var acknowledge = publish.Options.GetBoolean("acknowledge") == true;
        var problem = WampUri.Explain(publish.Topic, WampMatch.Exact, realm.Router.Options.StrictUris);
        string? refusal = problem is not null ? WampErrorUris.InvalidUri
            : RouterUris.IsReserved(publish.Topic) || !realm.Authorizer.IsAllowed(publisher.AuthRole, RouterAction.Publish, publish.Topic)
                ? WampErrorUris.NotAuthorized
                : null;
        if (refusal is not null)
        {
            // Without acknowledge the publisher asked for no answer: the refusal is only logged.
            var message = problem is not null
                ? $"'{publish.Topic}' is not a valid topic URI: {problem}."
                : $"Role '{publisher.AuthRole}' may not publish to '{publish.Topic}'.";
            Diagnostics.Log.PublicationRefused(realm.Router.Logger, publisher.Id, publish.Topic, refusal);
            if (acknowledge)
            {
                RouterErrors.Reply(publisher, publish.MessageType, publish.RequestId, refusal, message);
            }

            return;
        }

        var discloseMe = publish.Options.GetBoolean("disclose_me") == true;
        lock (realm.Gate)
        {
            var publicationId = NewPublicationId();
            Deliver(publisher, publish, publicationId, discloseMe);
            if (publish.Options.GetBoolean("retain") == true)
            {
                _retained[publish.Topic] = new EventMessage(0, publicationId, Details(publish.Topic, publisher, discloseMe, retained: true), publish.Arguments, publish.ArgumentsKw)
                {
                    Payload = publish.Payload,
                };
            }

            if (acknowledge)
            {
                publisher.Send(new PublishedMessage(publish.RequestId, publicationId));
            }
        }
    }

    /// <summary>Publishes a meta event from the router itself; the caller holds the realm's lock.</summary>
    public void PublishMeta(string topic, WampArguments arguments)
    {
        if (_subscriptions.Find(topic, WampMatch.Exact) is null && !_subscriptions.Prefix.Any() && !_subscriptions.Wildcard.Any())
        {
            return;
        }

        Deliver(null, new PublishMessage(0, WampDictionary.Empty, topic, arguments), NewPublicationId(), discloseMe: false);
    }

    /// <summary>
    /// Removes a subscription from every subscriber (meta procedure <c>wamp.subscription.remove</c>): each gets
    /// UNSUBSCRIBED without a request id, naming the subscription and the reason.
    /// </summary>
    public void Revoke(long subscriptionId, string reason)
    {
        if (!_byId.TryGetValue(subscriptionId, out var subscription))
        {
            return;
        }

        var details = new Dictionary<string, object?> { ["subscription"] = subscriptionId, ["reason"] = reason };
        foreach (var subscriber in subscription.Subscribers.ToList())
        {
            subscriber.State.Subscriptions.Remove(subscriptionId);
            RemoveSubscriber(subscriber, subscription);
            if (subscriber.SupportsSubscriptionRevocation)
            {
                subscriber.Send(new UnsubscribedMessage(0, details)); // the spec forbids it to a subscriber that did not announce the feature
            }
        }
    }

    public void SessionLeft(RouterSession session)
    {
        foreach (var subscription in session.State.Subscriptions.Values)
        {
            RemoveSubscriber(session, subscription);
        }

        session.State.Subscriptions.Clear();
    }

    private void Deliver(RouterSession? publisher, PublishMessage publish, long publicationId, bool discloseMe)
    {
        _matches.Clear();
        _subscriptions.MatchAll(publish.Topic, _matches);
        if (_matches.Count == 0)
        {
            return;
        }

        var filter = new PublicationFilter(publisher, publish);
        var delivered = 0;
        var forward = Diagnostics.RouterTrace.Route(publish.Options, publish.Topic, realm.Name, out var route);
        route?.SetTag("messaging.destination.name", publish.Topic);
        var exactDetails = Diagnostics.RouterTrace.With(discloseMe ? Details(null, publisher, discloseMe, retained: false) : WampDictionary.Empty, forward);
        foreach (var subscription in _matches)
        {
            var details = subscription.Match == WampMatch.Exact ? exactDetails : Diagnostics.RouterTrace.With(Details(publish.Topic, publisher, discloseMe, retained: false), forward);
            EventMessage? message = null;
            foreach (var subscriber in subscription.Subscribers)
            {
                if (filter.Admits(subscriber))
                {
                    message ??= new EventMessage(subscription.Id, publicationId, details, publish.Arguments, publish.ArgumentsKw) { Payload = publish.Payload };
                    subscriber.Send(message);
                    delivered++;
                }
            }
        }

        realm.Router.Telemetry.Events.Add(delivered, realm.Tag);
        route?.Dispose();
    }

    private void SendRetained(RouterSession session, Subscription subscription)
    {
        foreach (var (topic, retained) in _retained)
        {
            var matches = subscription.Match switch
            {
                WampMatch.Prefix => topic.StartsWith(subscription.Uri, StringComparison.Ordinal),
                WampMatch.Wildcard => UriPatternTable<Subscription>.WildcardMatches(subscription.Uri, topic),
                _ => topic == subscription.Uri,
            };
            if (matches)
            {
                session.Send(retained with { SubscriptionId = subscription.Id });
            }
        }
    }

    private void RemoveSubscriber(RouterSession session, Subscription subscription)
    {
        if (!subscription.Subscribers.Remove(session))
        {
            return;
        }

        realm.Meta.Unsubscribed(session, subscription);
        if (subscription.Subscribers.Count == 0)
        {
            _subscriptions.Remove(subscription.Uri, subscription.Match);
            _byId.Remove(subscription.Id);
            realm.Meta.SubscriptionDeleted(session, subscription);
        }
    }

    private static Dictionary<string, object?> Details(string? topic, RouterSession? publisher, bool discloseMe, bool retained)
    {
        var details = new Dictionary<string, object?>();
        if (topic is not null)
        {
            details["topic"] = topic;
        }

        if (discloseMe && publisher is not null)
        {
            details["publisher"] = publisher.Id;
            details["publisher_authid"] = publisher.AuthId;
            details["publisher_authrole"] = publisher.AuthRole;
        }

        if (retained)
        {
            details["retained"] = true;
        }

        return details;
    }

    private static long NewPublicationId() => Random.Shared.NextInt64(1, WampIds.MaxId + 1);
}
