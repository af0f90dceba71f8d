using System.Diagnostics.CodeAnalysis;
using Wampy.Proxies;
namespace Wampy;

/// <summary>
/// A WAMP client that keeps its session alive: <see cref="WampClient"/>, and the client Wampy.Hosting registers in
/// dependency injection. While it is reconnecting, calls, publications, registrations and subscriptions wait for it
/// up to <see cref="WampClientOptions.ConnectionWaitTimeout"/> and then fail with <see cref="WampConnectionException"/>;
/// nothing is silently dropped.
/// </summary>
public interface IWampClient : IWampCaller
{
    /// <summary>The client's state.</summary>
    WampClientState State { get; }

    /// <summary>The session id while connected, else <see langword="null"/>.</summary>
    long? SessionId { get; }

    /// <summary>The authid the router assigned to the session (WELCOME <c>authid</c>), while connected.</summary>
    string? AuthId { get; }

    /// <summary>The authrole the router assigned to the session (WELCOME <c>authrole</c>), while connected.</summary>
    string? AuthRole { get; }

    /// <summary>Raised after every change of <see cref="State"/>, on a thread-pool thread. Handler exceptions are logged, not thrown.</summary>
    event EventHandler<WampClientStateChangedEventArgs>? StateChanged;

    /// <summary>Raised before each attempt to join again after a loss, with the attempt number, the delay and the error.</summary>
    event EventHandler<WampReconnectingEventArgs>? Reconnecting;

    /// <summary>Raised when the client joined again, after every registration and subscription was restored.</summary>
    event EventHandler<WampReconnectedEventArgs>? Reconnected;

    /// <summary>Raised once when the client stops for good: closed by the application, the session ended with reconnection off, or reconnection gave up.</summary>
    event EventHandler<WampSessionClosedEventArgs>? Closed;

    /// <summary>Raised when an event is dropped because its subscription's queue is full.</summary>
    event EventHandler<WampEventDroppedEventArgs>? EventDropped;

    /// <summary>Completes when the client is connected (at once if it is).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when connected.</returns>
    Task WaitUntilConnectedAsync(CancellationToken cancellationToken = default);

    /// <summary>Calls a procedure and binds the result (first positional result, else the keyword results).</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="arguments">Positional arguments, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments (a dictionary or an object), or <see langword="null"/>.</param>
    /// <param name="options">Call options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The bound result.</returns>
    Task<TResult> CallAsync<TResult>(
        string procedure,
        object?[]? arguments = null,
        object? argumentsKw = null,
        CallOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Publishes an event.</summary>
    /// <param name="topic">The topic URI.</param>
    /// <param name="arguments">Positional arguments, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments (a dictionary or an object), or <see langword="null"/>.</param>
    /// <param name="options">Publish options; set <see cref="PublishOptions.Acknowledge"/> to wait for the broker.</param>
    /// <param name="cancellationToken">Stops waiting (for the session, for queue space, for the acknowledgement).</param>
    /// <returns>The publication id when acknowledged, else <see langword="null"/> once the event is queued for sending.</returns>
    Task<long?> PublishAsync(
        string topic,
        object?[]? arguments = null,
        object? argumentsKw = null,
        PublishOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers a procedure. Each invocation runs <paramref name="handler"/> off the receive loop, concurrently with
    /// others. The registration is restored on every new session until it is disposed. Made before the client first
    /// connects, it is only remembered, and the connection binds it (a refusal then fails the connection).
    /// </summary>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="handler">Runs each invocation.</param>
    /// <param name="options">Register options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the router.</param>
    /// <returns>The registration; dispose it to unregister.</returns>
    Task<IWampRegistration> RegisterAsync(
        string procedure, WampInvocationHandler handler, RegisterOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes a handler to a topic. Events of one topic reach its handlers in order, one at a time. The
    /// subscription is restored on every new session until it is disposed. Made before the client first connects, it
    /// is only remembered, and the connection binds it.
    /// </summary>
    /// <param name="topic">The topic URI.</param>
    /// <param name="handler">Handles each event.</param>
    /// <param name="options">Subscribe options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the router.</param>
    /// <returns>The subscription; dispose it to unsubscribe this handler.</returns>
    Task<IWampSubscription> SubscribeAsync(
        string topic, WampEventHandler handler, SubscribeOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>A typed proxy over this client (see <see cref="WampProxy.Create{TService}"/>); it survives reconnects.</summary>
    /// <typeparam name="TService">An interface whose methods carry <see cref="WampProcedureAttribute"/>.</typeparam>
    /// <returns>The proxy.</returns>
    [RequiresUnreferencedCode(ProxyRequirements.Message)]
    [RequiresDynamicCode(ProxyRequirements.Message)]
    TService GetProxy<TService>()
        where TService : class;
}
