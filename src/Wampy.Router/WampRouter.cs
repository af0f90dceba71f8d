using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Wampy.Router.Diagnostics;
using Wampy.Router.Hosting;
using Wampy.Router.Realms;
using Wampy.Router.Transports;

namespace Wampy.Router;

/// <summary>
/// An in-process WAMP v2 router (dealer and broker) on Kestrel, listening on WebSocket and optionally RawSocket.
/// Start one with <see cref="StartAsync(WampRouterOptions, ILoggerFactory?, CancellationToken)"/>, let <c>AddWampyRouter</c>
/// run it with a host on its own port, or serve it from an ASP.NET Core app's own pipeline with <c>app.MapWamp("/ws")</c>.
/// </summary>
/// <example>
/// <code>
/// await using var router = await WampRouter.StartAsync(new WampRouterOptions { Port = 0 });
/// await using var client = new WampClient(new WampClientOptions { Url = router.Url, Realm = "realm1" });
/// </code>
/// </example>
public sealed class WampRouter : IAsyncDisposable
{
    private readonly WebApplication? _app;
    private readonly RouterCore _core;
    private int _stopped;

    private WampRouter(WebApplication? app, RouterCore core, Uri url, Uri? rawSocketUrl)
    {
        _app = app;
        _core = core;
        Url = url;
        RawSocketUrl = rawSocketUrl;
    }

    internal RouterCore Core => _core;

    /// <summary>The WebSocket URL clients connect to, e.g. <c>ws://127.0.0.1:8080/ws</c> (<c>wss://</c> with TLS).</summary>
    public Uri Url { get; }

    /// <summary>The RawSocket URL clients connect to, e.g. <c>tcp://127.0.0.1:8081</c>; <see langword="null"/> when RawSocket is off.</summary>
    public Uri? RawSocketUrl { get; }

    /// <summary>Whether the router is listening (it has started and not been stopped).</summary>
    public bool IsRunning => Volatile.Read(ref _stopped) == 0;

    /// <summary>The names of the realms the router serves.</summary>
    public IReadOnlyList<string> Realms => _core.Realms.Select(r => r.Name).ToArray();

    /// <summary>How many sessions have joined a realm and not left it.</summary>
    public int SessionCount(string realm)
    {
        var found = _core.FindRealm(realm) ?? throw new ArgumentException($"The router has no realm '{realm}'.", nameof(realm));
        lock (found.Gate)
        {
            return found.Sessions.Count;
        }
    }

    /// <summary>Validates <paramref name="options"/>, starts listening and returns the running router.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    /// <exception cref="IOException">A port is in use.</exception>
    public static Task<WampRouter> StartAsync(
        WampRouterOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default) =>
        StartAsync(options, loggerFactory, meterFactory: null, cancellationToken);

    /// <summary>
    /// Validates <paramref name="options"/>, starts listening and returns the running router, with its metrics
    /// (Meter <c>Wampy.Router</c>) created by <paramref name="meterFactory"/>.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    /// <exception cref="IOException">A port is in use.</exception>
    public static async Task<WampRouter> StartAsync(
        WampRouterOptions options, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory, CancellationToken cancellationToken = default)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        var core = CreateCore(options, loggerFactory, meterFactory);
        var limiter = new ConnectionLimiter(core);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<ILoggerFactory>(new RouterLoggerFactory(loggerFactory));
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.Services.AddSingleton(core);
        builder.Services.AddSingleton<RawSocketConnectionHandler>();
        var certificate = LoadCertificate(options.Tls);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxMessageSize;
            // Connection-level limits: a connection that sends no HTTP request is closed at the handshake timeout.
            kestrel.Limits.MaxConcurrentConnections = options.MaxConnections;
            kestrel.Limits.MaxConcurrentUpgradedConnections = options.MaxConnections;
            kestrel.Limits.KeepAliveTimeout = options.HandshakeTimeout;
            kestrel.Limits.RequestHeadersTimeout = options.HandshakeTimeout;
            Listen(kestrel, options, options.Port, listen =>
            {
                listen.Use(limiter.Wrap);
                UseTls(listen, certificate);
            });
            if (options.RawSocketPort is { } rawSocketPort)
            {
                Listen(kestrel, options, rawSocketPort, listen =>
                {
                    listen.Use(limiter.Wrap);
                    UseTls(listen, certificate);
                    listen.UseConnectionHandler<RawSocketConnectionHandler>();
                });
            }
        });

        var app = builder.Build();
        var endpoint = new WebSocketEndpoint(core, perAddress: null, options.WebSocketPath, endpoint: null);
        app.UseWebSockets();
        app.Run(endpoint.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var host = options.ListenAddress is "*" or "0.0.0.0" or "::" ? "127.0.0.1" : options.ListenAddress;
        var ports = addresses.Select(a => new Uri(a.Replace("*", "localhost", StringComparison.Ordinal)).Port).ToList();
        var webSocketPort = options.Port != 0 ? options.Port : ports[0];
        int? rawPort = options.RawSocketPort is null ? null : options.RawSocketPort != 0 ? options.RawSocketPort : ports.First(p => p != webSocketPort);
        var hostText = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        var url = new Uri($"{(certificate is null ? "ws" : "wss")}://{hostText}:{webSocketPort}{options.WebSocketPath}");
        var rawSocketUrl = rawPort is null ? null : new Uri($"{(certificate is null ? "tcp" : "tls")}://{hostText}:{rawPort}");
        Log.Listening(core.Logger, rawSocketUrl is null ? url.ToString() : $"{url}, {rawSocketUrl}", string.Join(", ", core.Realms.Select(r => r.Name)));
        return new WampRouter(app, core, url, rawSocketUrl);
    }

    /// <summary>
    /// A router served by an ASP.NET Core app's own server (<c>MapWamp</c>, <c>UseWampRawSocket</c>): it opens no
    /// listener of its own; <paramref name="url"/> is where the app serves it.
    /// </summary>
    internal static WampRouter Attach(RouterCore core, Uri url)
    {
        Log.Listening(core.Logger, url.ToString(), string.Join(", ", core.Realms.Select(r => r.Name)));
        return new WampRouter(app: null, core, url, rawSocketUrl: null);
    }

    /// <summary>Validates the options and builds the dealer, broker and realms, without any listener.</summary>
    internal static RouterCore CreateCore(WampRouterOptions options, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        WampRouterOptionsValidator.ThrowIfInvalid(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        var telemetry = new RouterTelemetry(meterFactory);
        return new RouterCore(options, loggerFactory.CreateLogger("Wampy.Router"), options.TimeProvider, telemetry);
    }

    /// <summary>Says GOODBYE to every session (<c>wamp.close.system_shutdown</c>), waits for them, then stops listening.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _core.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        _core.Telemetry.Dispose();
        Log.Stopped(_core.Logger);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static X509Certificate2? LoadCertificate(WampRouterTlsOptions tls)
    {
        if (!tls.Enabled)
        {
            return null;
        }

        return tls.KeyPath is not null
            ? X509Certificate2.CreateFromPemFile(tls.CertificatePath!, tls.KeyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(tls.CertificatePath!, tls.Password);
    }

    private static void UseTls(ListenOptions listen, X509Certificate2? certificate)
    {
        if (certificate is not null)
        {
            listen.UseHttps(certificate);
        }
    }

    private static void Listen(KestrelServerOptions kestrel, WampRouterOptions options, int port, Action<ListenOptions> configure)
    {
        switch (options.ListenAddress)
        {
            case "*":
                kestrel.ListenAnyIP(port, configure);
                break;
            case "localhost":
                kestrel.ListenLocalhost(port, configure);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(options.ListenAddress), port, configure);
                break;
        }
    }
}
