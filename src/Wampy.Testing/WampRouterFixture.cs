using Microsoft.Extensions.DependencyInjection;
using Wampy.Hosting;
using Wampy.Router;
using Xunit;

namespace Wampy.Testing;

/// <summary>
/// An embedded WAMP router on a free port for the length of a test class (<c>IClassFixture&lt;WampRouterFixture&gt;</c>)
/// or of one test (create it in the test and <c>await using</c> it). Derive from it and override
/// <see cref="ConfigureRouter"/> to add realms, users or permissions.
/// </summary>
/// <example>
/// <code>
/// public sealed class OrderHandlerTests(WampRouterFixture router) : IClassFixture&lt;WampRouterFixture&gt;
/// {
///     [Fact]
///     public async Task Places_an_order()
///     {
///         await using var worker = await router.StartWorkerAsync(wampy => wampy.AddHandler&lt;OrderHandler&gt;());
///         await using var client = await router.ConnectAsync();
///         Assert.Equal(42, await client.CallAsync&lt;int&gt;("com.shop.place_order", ["A-1"]));
///     }
/// }
/// </code>
/// </example>
public class WampRouterFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly SemaphoreSlim _observerLock = new(1, 1);
    private WampRouter? _router;
    private WampClient? _observer;

    /// <summary>The running router. Available once the fixture is initialized.</summary>
    public WampRouter Router => _router ?? throw new InvalidOperationException("The router has not started: await InitializeAsync() first (xunit does this for fixtures).");

    /// <summary>The router's WebSocket URL, e.g. <c>ws://127.0.0.1:41234/ws</c>.</summary>
    public Uri Url => Router.Url;

    /// <summary>The router's RawSocket URL, e.g. <c>tcp://127.0.0.1:41235</c>.</summary>
    public Uri RawSocketUrl => Router.RawSocketUrl!;

    /// <summary>The realm clients join by default: the first configured realm, <c>realm1</c> unless <see cref="ConfigureRouter"/> changes it.</summary>
    public string Realm => Router.Realms[0];

    /// <summary>How long the wait helpers wait by default. Default 15 seconds.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Starts the router on free ports (WebSocket and RawSocket).</summary>
    public virtual async Task InitializeAsync()
    {
        var options = new WampRouterOptions { Port = 0, RawSocketPort = 0, ShutdownTimeout = TimeSpan.FromSeconds(2) };
        ConfigureRouter(options);
        _router = await WampRouter.StartAsync(options).ConfigureAwait(false);
    }

    /// <summary>Connects a new client to <see cref="Realm"/>; dispose it at the end of the test.</summary>
    /// <param name="configure">Adjusts the client options (authentication, serializers, timeouts).</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    public async Task<WampClient> ConnectAsync(Action<WampClientOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = new WampClientOptions { Url = Url, Realm = Realm };
        configure?.Invoke(options);
        var client = new WampClient(options);
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Builds a generic host that runs Wampy with your handlers against this router, like your worker does in
    /// production. Start it with <see cref="WampyTestHost.StartAsync"/>, or use <see cref="StartWorkerAsync"/>.
    /// </summary>
    /// <param name="handlers">Adds handler classes, e.g. <c>wampy =&gt; wampy.AddHandler&lt;OrderHandler&gt;()</c>.</param>
    /// <param name="services">Registers the handlers' dependencies (fakes included).</param>
    /// <param name="configure">Adjusts <see cref="WampyOptions"/> beyond the URL and realm.</param>
    public WampyTestHost CreateWorker(
        Action<IWampyBuilder> handlers, Action<IServiceCollection>? services = null, Action<WampyOptions>? configure = null) =>
        WampyTestHost.Create(Url, Realm, handlers, services, configure);

    /// <summary>Builds and starts a worker (see <see cref="CreateWorker"/>) and waits until its session has joined.</summary>
    public async Task<WampyTestHost> StartWorkerAsync(
        Action<IWampyBuilder> handlers, Action<IServiceCollection>? services = null, Action<WampyOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var worker = CreateWorker(handlers, services, configure);
        try
        {
            await worker.StartAsync(cancellationToken).WaitAsync(DefaultTimeout, cancellationToken).ConfigureAwait(false);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits until some callee has registered a procedure that serves <paramref name="procedure"/>, using the
    /// router's meta API (<c>wamp.registration.match</c>, re-checked on each <c>wamp.registration.on_register</c>), never by polling.
    /// </summary>
    /// <exception cref="TimeoutException">Nothing was registered in time.</exception>
    public Task WaitForRegistrationAsync(string procedure, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForMetaAsync("wamp.registration.on_register", "wamp.registration.match", procedure, timeout, cancellationToken);

    /// <summary>
    /// Waits until some session subscribes to a subscription that <paramref name="topic"/> matches, using the
    /// router's meta API (<c>wamp.subscription.match</c>, re-checked on each <c>wamp.subscription.on_subscribe</c>).
    /// </summary>
    /// <exception cref="TimeoutException">Nobody subscribed in time.</exception>
    public Task WaitForSubscriptionAsync(string topic, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForMetaAsync("wamp.subscription.on_subscribe", "wamp.subscription.match", topic, timeout, cancellationToken);

    /// <summary>Hook to configure the router before it starts: realms, users, roles, serializers. Ports are free ports unless changed here.</summary>
    /// <param name="options">The options the router starts with.</param>
    protected virtual void ConfigureRouter(WampRouterOptions options)
    {
    }

    /// <summary>Stops the router (clients receive GOODBYE <c>wamp.close.system_shutdown</c>).</summary>
    public virtual async Task DisposeAsync()
    {
        if (_observer is not null)
        {
            await _observer.DisposeAsync().ConfigureAwait(false);
        }

        if (_router is not null)
        {
            await _router.DisposeAsync().ConfigureAwait(false);
        }

        _observerLock.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private async Task WaitForMetaAsync(string metaTopic, string matchProcedure, string uri, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var observer = await GetObserverAsync(cancellationToken).ConfigureAwait(false);
        var found = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task CheckAsync(CancellationToken token)
        {
            var result = await observer.CallAsync(matchProcedure, [uri], cancellationToken: token).ConfigureAwait(false);
            if (result.Arguments.Count > 0 && result.Arguments.TryGet<object>(0, out var match) && match is not null)
            {
                found.TrySetResult();
            }
        }

        var subscription = await observer.SubscribeAsync(metaTopic, (_, token) => new ValueTask(CheckAsync(token)), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        try
        {
            await CheckAsync(cancellationToken).ConfigureAwait(false);
            await found.Task.WaitAsync(timeout ?? DefaultTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Nothing matching '{uri}' appeared within {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s (checked with {matchProcedure}).");
        }
        finally
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<WampClient> GetObserverAsync(CancellationToken cancellationToken)
    {
        await _observerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _observer ??= await ConnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _observerLock.Release();
        }
    }
}
