using System.Collections.Concurrent;
using Wampy.Diagnostics;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Session;

internal sealed partial class WampSession
{
    private readonly Lock _subscriptionLock = new();
    private readonly Dictionary<string, Subscription> _subscriptionsByTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Subscription> _subscriptionsById = [];

    /// <summary>
    /// Adds a handler to a topic. The first handler of a topic sends SUBSCRIBE; later ones share the router
    /// subscription (and wait for it if it is still being made).
    /// </summary>
    public async Task<IWampSubscription> SubscribeAsync(
        string topic, WampEventHandler handler, SubscribeOptions? options, CancellationToken cancellationToken)
    {
        Subscription subscription;
        bool first;
        var handle = new SubscriptionHandle(this, handler);
        var key = SubscriptionKey(topic, options?.Match ?? WampMatch.Exact);
        lock (_subscriptionLock)
        {
            first = !_subscriptionsByTopic.TryGetValue(key, out subscription!);
            if (first)
            {
                subscription = new Subscription(this, topic, key, _options.EventQueueCapacity);
                _subscriptionsByTopic[key] = subscription;
            }

            handle.Subscription = subscription;
            subscription.Add(handle);
        }

        if (!first)
        {
            try
            {
                await subscription.Ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                return handle;
            }
            catch
            {
                lock (_subscriptionLock)
                {
                    subscription.Remove(handle);
                }

                throw;
            }
        }

        var requestId = _ids.Next();
        var message = new SubscribeMessage(requestId, options?.ToWire() ?? WampDictionary.Empty, topic);
        var pending = new PendingRequest<WampMessage>(WampMessageType.Subscribed, "Subscription to", topic, PendingRequest.Itself)
        {
            // Mapped on the receive loop, so that an EVENT right behind SUBSCRIBED finds its handlers.
            OnReply = reply =>
            {
                lock (_subscriptionLock)
                {
                    subscription.SubscriptionId = ((SubscribedMessage)reply).SubscriptionId;
                    _subscriptionsById[subscription.SubscriptionId] = subscription;
                }
            },
        };

        try
        {
            await RequestAsync(requestId, message, pending, null, cancellationToken).ConfigureAwait(false);
            subscription.Ready.TrySetResult();
            return handle;
        }
        catch (Exception ex)
        {
            lock (_subscriptionLock)
            {
                if (_subscriptionsByTopic.TryGetValue(key, out var current) && current == subscription)
                {
                    _subscriptionsByTopic.Remove(key);
                }
            }

            subscription.Ready.TrySetException(ex);
            throw;
        }
    }

    private async Task UnsubscribeAsync(SubscriptionHandle handle)
    {
        var subscription = handle.Subscription!;
        bool last;
        lock (_subscriptionLock)
        {
            subscription.Remove(handle);
            last = subscription.IsEmpty
                && subscription.Ready.Task.IsCompletedSuccessfully
                && _subscriptionsByTopic.TryGetValue(subscription.Key, out var current) && current == subscription;
            if (last)
            {
                _subscriptionsByTopic.Remove(subscription.Key);
                _subscriptionsById.Remove(subscription.SubscriptionId);
            }
        }

        if (!last)
        {
            return;
        }

        subscription.Complete();
        if (IsTerminated)
        {
            return;
        }

        var requestId = _ids.Next();
        await EndAsync(
            requestId,
            new UnsubscribeMessage(requestId, subscription.SubscriptionId),
            new PendingRequest<WampMessage>(WampMessageType.Unsubscribed, "Unsubscription from", subscription.Topic, PendingRequest.Itself)).ConfigureAwait(false);
    }

    private void HandleEvent(EventMessage message)
    {
        Subscription? subscription;
        lock (_subscriptionLock)
        {
            _subscriptionsById.TryGetValue(message.SubscriptionId, out subscription);
        }

        if (subscription is null)
        {
            Log.UnknownSubscription(_logger, message.SubscriptionId);
            return;
        }

        if (!subscription.TryEnqueue(message))
        {
            Log.EventDropped(_logger, subscription.Topic, _options.EventQueueCapacity);
            _context.EventDropped?.Invoke(subscription.Topic, message.PublicationId);
        }
    }

    private void HandleSubscriptionRevoked(UnsubscribedMessage message)
    {
        var id = message.Details.GetInt64("subscription") ?? 0;
        Subscription? subscription;
        lock (_subscriptionLock)
        {
            if (_subscriptionsById.Remove(id, out subscription))
            {
                _subscriptionsByTopic.Remove(subscription.Key);
            }
        }

        if (subscription is not null)
        {
            subscription.Complete();
            var reason = message.Details.GetString("reason");
            Log.Revoked(_logger, $"subscription to '{subscription.Topic}'", id, reason ?? "no reason given");
            subscription.OnRevoked(reason);
        }
    }

    private void CompleteSubscriptions()
    {
        lock (_subscriptionLock)
        {
            foreach (var subscription in _subscriptionsByTopic.Values)
            {
                subscription.Complete();
            }

            _subscriptionsByTopic.Clear();
            _subscriptionsById.Clear();
        }
    }

    /// <summary>Local handlers share a router subscription when topic and match policy are the same (whitespace never occurs in a URI).</summary>
    private static string SubscriptionKey(string topic, WampMatch match) => match == WampMatch.Exact ? topic : $"{topic} {match.ToWire()}";

    /// <summary>
    /// A router subscription and the local handlers sharing it. Its events are queued (at most <c>capacity</c>) and
    /// handled in order, one at a time, off the receive loop: the subscription is its own work item, scheduled when
    /// an event finds it idle, and it handles every event queued meanwhile before it goes idle again.
    /// </summary>
    private sealed class Subscription(WampSession session, string topic, string key, int capacity) : DispatchedWorkItem
    {
        private readonly ConcurrentQueue<EventMessage> _queue = new();
        private int _queued;
        private int _scheduled;
        private bool _completed;
        private SubscriptionHandle[] _handles = [];

        public string Topic => topic;

        public string Key => key;

        public long SubscriptionId { get; set; }

        public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsEmpty => _handles.Length == 0;

        public void Add(SubscriptionHandle handle) => _handles = [.. _handles, handle];

        public void Remove(SubscriptionHandle handle) => _handles = Array.FindAll(_handles, h => h != handle);

        /// <summary>Tells every local handler of a revoked subscription, off the receive loop.</summary>
        public void OnRevoked(string? reason)
        {
            var handles = Volatile.Read(ref _handles);
            ThreadPool.QueueUserWorkItem(_ =>
            {
                foreach (var handle in handles)
                {
                    handle.OnRevoked(reason);
                }
            });
        }

        /// <summary>Queues an event (on the receive loop); false when the queue is full or the subscription has ended.</summary>
        public bool TryEnqueue(EventMessage message)
        {
            if (Volatile.Read(ref _completed))
            {
                return false;
            }

            if (Interlocked.Increment(ref _queued) > capacity)
            {
                Interlocked.Decrement(ref _queued);
                return false;
            }

            _queue.Enqueue(message);
            if (Interlocked.Exchange(ref _scheduled, 1) == 0)
            {
                session.QueueDispatched(this);
            }

            return true;
        }

        /// <summary>No more events are queued; those already queued are still handled.</summary>
        public void Complete() => Volatile.Write(ref _completed, true);

        protected override WampSession Session => session;

        protected override void Run() => _ = HandleQueuedAsync();

        /// <summary>Handles queued events in order until the queue is empty; synchronous while the handlers are.</summary>
        private async Task HandleQueuedAsync()
        {
            var token = session.Lifetime;
            while (true)
            {
                while (_queue.TryDequeue(out var message))
                {
                    Interlocked.Decrement(ref _queued);
                    var @event = new WampEvent(message, topic);
                    foreach (var handle in Volatile.Read(ref _handles))
                    {
                        try
                        {
                            await handle.Handler(@event, token).ConfigureAwait(false);
                        }
                        catch (Exception ex)
                        {
                            Log.EventHandlerFailed(session._logger, topic, message.PublicationId, ex);
                        }
                    }
                }

                // Idle; an event queued after the last look schedules it again, unless it is seen here first.
                Volatile.Write(ref _scheduled, 0);
                if (_queue.IsEmpty || Interlocked.Exchange(ref _scheduled, 1) != 0)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One local handler of a topic.</summary>
    private sealed class SubscriptionHandle(WampSession session, WampEventHandler handler) : IWampSubscription
    {
        private int _disposed;

        public Subscription? Subscription { get; set; }

        public WampEventHandler Handler => handler;

        public string Topic => Subscription!.Topic;

        public long SubscriptionId => Subscription!.SubscriptionId;

        public event EventHandler<WampRevokedEventArgs>? Revoked;

        public void OnRevoked(string? reason)
        {
            Interlocked.Exchange(ref _disposed, 1);
            Revoked?.Invoke(this, new WampRevokedEventArgs(reason));
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await session.UnsubscribeAsync(this).ConfigureAwait(false);
            }
        }
    }
}
