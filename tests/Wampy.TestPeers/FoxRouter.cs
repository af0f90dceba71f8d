using System.Globalization;

namespace Wampy.TestPeers;

/// <summary>
/// The third-party fox-wamp router (npm, pinned in tests/router/package-lock.json) on a free loopback port,
/// started per test class. It can be killed and started again on the same port.
/// </summary>
public sealed class FoxRouter : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private NodeProcess? _process;
    private bool _authentication;

    /// <summary>
    /// A router, not started yet, that requires authentication (tests/router/auth.js): ticket-user/ticket-secret,
    /// cra-user/cra-secret, salted-user/salted-secret (salted WAMP-CRA), sign-user (cryptosign, the key of the
    /// specification's example); no anonymous access.
    /// </summary>
    public static FoxRouter WithAuthentication()
    {
        var router = new FoxRouter();
        router._authentication = true;
        return router;
    }

    /// <summary>A router, not started yet, that will listen on <paramref name="port"/> (see <see cref="FreePort"/>).</summary>
    public static FoxRouter OnPort(int port)
    {
        var router = new FoxRouter();
        router.Port = port;
        return router;
    }

    /// <summary>A loopback port free at the time of the call, for a router started later.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The realm tests join.</summary>
    public string Realm => "realm1";

    /// <summary>The port the router listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The WebSocket URL of the router.</summary>
    public Uri Url => new($"ws://127.0.0.1:{Port}");

    /// <summary>The router process.</summary>
    public NodeProcess Process => _process ?? throw new InvalidOperationException("The router is not running.");

    /// <summary>Options for a client of this router.</summary>
    public WampClientOptions ClientOptions() => new() { Url = Url, Realm = Realm, ConnectTimeout = TimeSpan.FromSeconds(10) };

    /// <summary>A client of this router, connected.</summary>
    public async Task<WampClient> ConnectAsync(Action<WampClientOptions>? configure = null)
    {
        var options = ClientOptions();
        configure?.Invoke(options);
        var client = new WampClient(options);
        await client.ConnectAsync();
        return client;
    }

    /// <summary>Starts the router (on <see cref="Port"/> again after a <see cref="StopAsync"/>).</summary>
    public async Task InitializeAsync()
    {
        _process = _authentication
            ? NodeProcess.Start("router.js", Port.ToString(CultureInfo.InvariantCulture), "--auth")
            : NodeProcess.Start("router.js", Port.ToString(CultureInfo.InvariantCulture));
        var line = await _process.WaitForLineAsync(static l => l.StartsWith("LISTENING ", StringComparison.Ordinal), StartTimeout);
        Port = int.Parse(line.AsSpan("LISTENING ".Length), CultureInfo.InvariantCulture);
    }

    /// <summary>Kills the router process: every connection drops without a close handshake.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync() => StopAsync();
}
