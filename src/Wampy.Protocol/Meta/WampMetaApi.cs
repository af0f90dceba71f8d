namespace Wampy;

/// <summary>
/// Typed calls to the router's session, registration and subscription meta API (Advanced Profile). They are plain
/// calls: the router must offer the meta API and let the session's role call <c>wamp.*</c> procedures.
/// </summary>
/// <example><code>var callees = await client.Meta().CountCalleesAsync(await client.Meta().LookupRegistrationAsync("com.example.add") ?? 0);</code></example>
/// <param name="caller">The client that makes the calls.</param>
public sealed class WampMetaApi(IWampCaller caller)
{
    /// <summary>How many sessions are in the realm (<c>wamp.session.count</c>), optionally only those of some authroles.</summary>
    public Task<long> CountSessionsAsync(IReadOnlyCollection<string>? authRoles = null, CancellationToken cancellationToken = default) =>
        CallAsync<long>("wamp.session.count", authRoles is null ? null : [authRoles], cancellationToken);

    /// <summary>The ids of the sessions in the realm (<c>wamp.session.list</c>), optionally only those of some authroles.</summary>
    public Task<long[]> ListSessionsAsync(IReadOnlyCollection<string>? authRoles = null, CancellationToken cancellationToken = default) =>
        CallAsync<long[]>("wamp.session.list", authRoles is null ? null : [authRoles], cancellationToken);

    /// <summary>One session (<c>wamp.session.get</c>); fails with <c>wamp.error.no_such_session</c>.</summary>
    public Task<WampSessionInfo> GetSessionAsync(long sessionId, CancellationToken cancellationToken = default) =>
        CallAsync<WampSessionInfo>("wamp.session.get", [sessionId], cancellationToken);

    /// <summary>The registration of exactly this procedure and match policy, if any (<c>wamp.registration.lookup</c>).</summary>
    public Task<long?> LookupRegistrationAsync(string procedure, WampMatch match = WampMatch.Exact, CancellationToken cancellationToken = default) =>
        CallAsync<long?>("wamp.registration.lookup", [procedure, new Dictionary<string, object?> { ["match"] = match.ToWire() }], cancellationToken);

    /// <summary>The registration a call to <paramref name="procedure"/> would reach, if any (<c>wamp.registration.match</c>).</summary>
    public Task<long?> MatchRegistrationAsync(string procedure, CancellationToken cancellationToken = default) =>
        CallAsync<long?>("wamp.registration.match", [procedure], cancellationToken);

    /// <summary>One registration (<c>wamp.registration.get</c>); fails with <c>wamp.error.no_such_registration</c>.</summary>
    public Task<WampRegistrationInfo> GetRegistrationAsync(long registrationId, CancellationToken cancellationToken = default) =>
        CallAsync<WampRegistrationInfo>("wamp.registration.get", [registrationId], cancellationToken);

    /// <summary>The sessions providing a registration (<c>wamp.registration.list_callees</c>).</summary>
    public Task<long[]> ListCalleesAsync(long registrationId, CancellationToken cancellationToken = default) =>
        CallAsync<long[]>("wamp.registration.list_callees", [registrationId], cancellationToken);

    /// <summary>How many sessions provide a registration (<c>wamp.registration.count_callees</c>).</summary>
    public Task<long> CountCalleesAsync(long registrationId, CancellationToken cancellationToken = default) =>
        CallAsync<long>("wamp.registration.count_callees", [registrationId], cancellationToken);

    /// <summary>The subscription of exactly this topic and match policy, if any (<c>wamp.subscription.lookup</c>).</summary>
    public Task<long?> LookupSubscriptionAsync(string topic, WampMatch match = WampMatch.Exact, CancellationToken cancellationToken = default) =>
        CallAsync<long?>("wamp.subscription.lookup", [topic, new Dictionary<string, object?> { ["match"] = match.ToWire() }], cancellationToken);

    /// <summary>The subscriptions an event on <paramref name="topic"/> would reach (<c>wamp.subscription.match</c>).</summary>
    public async Task<long[]> MatchSubscriptionsAsync(string topic, CancellationToken cancellationToken = default) =>
        await CallAsync<long[]?>("wamp.subscription.match", [topic], cancellationToken).ConfigureAwait(false) ?? [];

    /// <summary>One subscription (<c>wamp.subscription.get</c>); fails with <c>wamp.error.no_such_subscription</c>.</summary>
    public Task<WampSubscriptionInfo> GetSubscriptionAsync(long subscriptionId, CancellationToken cancellationToken = default) =>
        CallAsync<WampSubscriptionInfo>("wamp.subscription.get", [subscriptionId], cancellationToken);

    /// <summary>The sessions subscribed to a subscription (<c>wamp.subscription.list_subscribers</c>).</summary>
    public Task<long[]> ListSubscribersAsync(long subscriptionId, CancellationToken cancellationToken = default) =>
        CallAsync<long[]>("wamp.subscription.list_subscribers", [subscriptionId], cancellationToken);

    /// <summary>How many sessions are subscribed to a subscription (<c>wamp.subscription.count_subscribers</c>).</summary>
    public Task<long> CountSubscribersAsync(long subscriptionId, CancellationToken cancellationToken = default) =>
        CallAsync<long>("wamp.subscription.count_subscribers", [subscriptionId], cancellationToken);

    private async Task<T> CallAsync<T>(string procedure, object?[]? arguments, CancellationToken cancellationToken)
    {
        var result = await caller.CallAsync(procedure, arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Arguments.Count == 0 ? default! : result.Arguments.Get<T>(0);
    }
}
