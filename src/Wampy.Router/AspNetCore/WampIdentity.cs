namespace Wampy.Router;

/// <summary>
/// A WAMP identity the application vouches for: the authid and authrole a session joins with when the HTTP request
/// that opened its WebSocket was already authenticated by the app (see <see cref="WampEndpointOptions.IdentifyUser"/>).
/// </summary>
public sealed class WampIdentity
{
    /// <summary>Creates an identity.</summary>
    /// <param name="authId">The session's authid, e.g. the user name; never chosen by the client.</param>
    /// <param name="authRole">The role whose permissions apply, as listed in the realm's <see cref="WampRealmOptions.Roles"/>.</param>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public WampIdentity(string authId, string authRole)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authId);
        ArgumentException.ThrowIfNullOrWhiteSpace(authRole);
        AuthId = authId;
        AuthRole = authRole;
    }

    /// <summary>The session's authid.</summary>
    public string AuthId { get; }

    /// <summary>The session's role.</summary>
    public string AuthRole { get; }
}
