namespace Wampy;

/// <summary>
/// A handler subscribed to a topic. Dispose it to stop receiving events; the router subscription is ended when
/// the last local handler of the topic goes.
/// </summary>
public interface IWampSubscription : IAsyncDisposable
{
    /// <summary>The topic URI.</summary>
    string Topic { get; }

    /// <summary>The id the router gave the subscription (shared by the topic's local handlers).</summary>
    long SubscriptionId { get; }

    /// <summary>
    /// Raised when the router revokes the subscription by itself (UNSUBSCRIBED without a request): no more events
    /// arrive for it. Not raised by disposing it or by the session ending.
    /// </summary>
    event EventHandler<WampRevokedEventArgs>? Revoked;
}
