using Wampy.Messages;
using Wampy.Router.Authentication;
using Wampy.Router.Meta;
using Wampy.Router.Sessions;

namespace Wampy.Router.Realms;

/// <summary>
/// One realm: its sessions, dealer, broker and meta API. One lock guards all of the realm's routing state, so a
/// call, its cancel and its result are ordered; sends only queue, so nothing blocks under the lock.
/// </summary>
internal sealed class RouterRealm
{
    public RouterRealm(WampRealmOptions options, RouterCore router)
    {
        Options = options;
        Router = router;
        Authenticator = new RealmAuthenticator(options);
        Authorizer = new RealmAuthorizer(options);
        Broker = new Broker.Broker(this);
        Dealer = new Dealer.Dealer(this);
        Meta = new MetaApi(this);
    }

    public string Name => Options.Name;

    public WampRealmOptions Options { get; }

    public RouterCore Router { get; }

    public Lock Gate { get; } = new();

    public RealmAuthenticator Authenticator { get; }

    public RealmAuthorizer Authorizer { get; }

    public Dealer.Dealer Dealer { get; }

    public Broker.Broker Broker { get; }

    public MetaApi Meta { get; }

    /// <summary>The realm as a metric tag.</summary>
    public KeyValuePair<string, object?> Tag => new("wamp.realm", Name);

    /// <summary>The sessions that joined, by id; guarded by <see cref="Gate"/>.</summary>
    public Dictionary<long, RouterSession> Sessions { get; } = [];

    public void Join(RouterSession session)
    {
        lock (Gate)
        {
            Sessions.Add(session.Id, session);
            session.Send(new WelcomeMessage(session.Id, Router.WelcomeDetails(session)));
            Meta.SessionJoined(session);
        }

        Router.Telemetry.Sessions.Add(1, Tag);
        Diagnostics.Log.SessionJoined(Router.Logger, session.Id, Name, session.AuthId, session.AuthRole, session.AuthMethod, session.TransportType);
    }

    public void Leave(RouterSession session)
    {
        lock (Gate)
        {
            if (!Sessions.Remove(session.Id))
            {
                return;
            }

            Dealer.SessionLeft(session);
            Broker.SessionLeft(session);
            Meta.SessionLeft(session);
        }

        Router.Telemetry.Sessions.Add(-1, Tag);
        Diagnostics.Log.SessionLeft(Router.Logger, session.Id, Name);
    }
}
