namespace Wampy.Hosting;

/// <summary>
/// The hosted session, injectable anywhere in the application for outbound calls and publications. While the
/// session is reconnecting, calls wait for it up to <see cref="WampyOptions.ConnectionWaitTimeout"/> and then fail
/// with <see cref="WampConnectionException"/>; nothing is silently dropped.
/// </summary>
public interface IWampClient : IWampCaller
{
    /// <summary>The session's state.</summary>
    WampSessionState State { get; }

    /// <summary>The session id while joined, else <see langword="null"/>.</summary>
    long? SessionId { get; }

    /// <summary>The authid the router assigned to the session (WELCOME <c>authid</c>), while joined.</summary>
    string? AuthId { get; }

    /// <summary>The authrole the router assigned to the session (WELCOME <c>authrole</c>), while joined.</summary>
    string? AuthRole { get; }

    /// <summary>Completes when the session is joined (at once if it is).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when joined.</returns>
    Task WaitUntilJoinedAsync(CancellationToken cancellationToken = default);

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
    /// <param name="options">Publish options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The publication id when acknowledged, else <see langword="null"/>.</returns>
    Task<long?> PublishAsync(
        string topic,
        object?[]? arguments = null,
        object? argumentsKw = null,
        PublishOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>A typed proxy over this client (see <see cref="WampProxy.Create{TService}"/>); it survives reconnects.</summary>
    /// <typeparam name="TService">An interface whose methods carry <see cref="WampProcedureAttribute"/>.</typeparam>
    /// <returns>The proxy.</returns>
    TService GetProxy<TService>()
        where TService : class;
}
