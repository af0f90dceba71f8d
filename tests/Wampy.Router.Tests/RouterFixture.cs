using System.Text.Json.Nodes;
using Wampy.TestPeers;

namespace Wampy.Router.Tests;

/// <summary>
/// One embedded router per test class, on free ports (WebSocket and RawSocket): an open realm <c>realm1</c> and a
/// realm <c>secure</c> with static users of every auth method and per-role permissions.
/// </summary>
public sealed class RouterFixture : IAsyncLifetime
{
    public const string CryptosignSeed = "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510";
    public const string CryptosignPublicKey = "1adfc8bfe1d35616e64dffbd900096f23b066f914c8c2ffbb66f6075b96e116d";

    public WampRouter Router { get; private set; } = null!;

    public Uri Url => Router.Url;

    public Uri RawSocketUrl => Router.RawSocketUrl!;

    /// <summary>A role granted every action on every URI, the router's meta API included.</summary>
    public static WampRoleOptions OperatorRole(string name) => new()
    {
        Name = name,
        Permissions = [new WampPermissionOptions { Uri = "", Call = true, Register = true, Publish = true, Subscribe = true }],
    };

    public static WampRouterOptions Options() => new()
    {
        Port = 0,
        RawSocketPort = 0,
        ShutdownTimeout = TimeSpan.FromSeconds(2),
        AuthenticationFailuresBeforeDelay = 10_000, // many tests fail authentication on purpose; SecurityLimitTests covers the delay
        Realms =
        [
            // Open to anonymous clients, with an explicit grant of everything: the meta procedures that act on other
            // sessions (kill, remove) need one.
            new WampRealmOptions { Name = "realm1", Roles = [OperatorRole("anonymous")] },
            new WampRealmOptions
            {
                Name = "secure",
                AllowAnonymous = false,
                Users =
                [
                    new WampRouterUserOptions { AuthId = "ticket-user", Ticket = "ticket-secret", Role = "frontend" },
                    new WampRouterUserOptions { AuthId = "cra-user", Secret = "cra-secret", Role = "backend" },
                    new WampRouterUserOptions { AuthId = "salted-user", Secret = "salted-secret", Salt = "salt123", Iterations = 100, KeyLength = 16, Role = "backend" },
                    new WampRouterUserOptions { AuthId = "sign-user", PublicKey = CryptosignPublicKey, Role = "backend" },
                ],
                Roles =
                [
                    new WampRoleOptions
                    {
                        Name = "frontend",
                        Permissions =
                        [
                            new WampPermissionOptions { Uri = "com.public.", Call = true, Subscribe = true },
                            new WampPermissionOptions { Uri = "com.public.admin", Match = "exact" },
                            new WampPermissionOptions { Uri = "wamp.session.", Call = true },
                        ],
                    },
                    new WampRoleOptions
                    {
                        Name = "backend",
                        Permissions = [new WampPermissionOptions { Call = true, Register = true, Publish = true, Subscribe = true }],
                    },
                ],
            },
        ],
    };

    public async Task InitializeAsync() => Router = await WampRouter.StartAsync(Options());

    public async Task DisposeAsync() => await Router.DisposeAsync();

    /// <summary>An Autobahn|JS peer in <paramref name="realm"/> over <paramref name="transport"/> (json, msgpack, cbor or rawsocket).</summary>
    public Task<AutobahnPeer> AutobahnAsync(string transport = "json", string realm = "realm1", JsonObject? settings = null)
    {
        settings ??= [];
        if (transport == "rawsocket")
        {
            settings["rawsocket"] = new JsonObject { ["host"] = RawSocketUrl.Host, ["port"] = RawSocketUrl.Port };
        }
        else
        {
            settings["serializer"] = transport;
        }

        return AutobahnPeer.StartAsync(Url, realm, settings);
    }

    /// <summary>Our own client, connected over WebSocket or RawSocket with one serializer.</summary>
    public async Task<WampClient> ClientAsync(string serializer = "json", bool rawSocket = false, string realm = "realm1", Action<WampClientOptions>? configure = null)
    {
        var options = new WampClientOptions
        {
            Url = rawSocket ? RawSocketUrl : Url,
            Realm = realm,
        };
        options.Serializers = [serializer];
        configure?.Invoke(options);
        var client = new WampClient(options);
        await client.ConnectAsync().WaitAsync(TaskTimeouts.Default);
        return client;
    }
}
