namespace Wampy;

/// <summary>
/// The router refused to open the session (ABORT instead of WELCOME), e.g. <c>wamp.error.no_such_realm</c>,
/// <c>wamp.error.authentication_failed</c>, <c>wamp.error.not_authorized</c> or <c>wamp.error.no_auth_method</c>.
/// <see cref="WampException.Error"/> holds the reason URI; the message names the realm, the authid and the methods
/// offered, never a secret.
/// </summary>
public sealed class WampSessionAbortedException : WampException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">The ABORT reason URI.</param>
    /// <param name="realm">The realm that was requested.</param>
    /// <param name="details">The ABORT details.</param>
    /// <param name="authId">The authid announced, if any.</param>
    /// <param name="authMethods">The authentication methods offered (empty for anonymous).</param>
    public WampSessionAbortedException(
        string reason, string realm, IReadOnlyDictionary<string, object?> details, string? authId = null, IReadOnlyList<string>? authMethods = null)
        : base(reason, null, null, details, Describe(reason, realm, details, authId, authMethods ?? []))
    {
        Realm = realm;
        AuthId = authId;
        AuthMethods = authMethods ?? [];
    }

    /// <summary>The realm that was requested.</summary>
    public string Realm { get; }

    /// <summary>The authid announced in HELLO, if any.</summary>
    public string? AuthId { get; }

    /// <summary>The authentication methods offered in HELLO (empty for anonymous).</summary>
    public IReadOnlyList<string> AuthMethods { get; }

    /// <summary>Whether the router refused the credentials or the permissions (retrying with the same ones will not help).</summary>
    public bool IsAuthenticationFailure => Error is WampErrorUris.AuthenticationFailed or WampErrorUris.NotAuthorized
        or WampErrorUris.NoAuthMethod or WampErrorUris.NoSuchRole;

    /// <summary>A refusal may be transient (a realm not configured yet, an authenticator down); the reconnect options decide about authentication failures.</summary>
    public override bool IsTransient => true;

    private static string Describe(string reason, string realm, IReadOnlyDictionary<string, object?> details, string? authId, IReadOnlyList<string> methods)
    {
        var text = details.TryGetValue("message", out var m) && m is string s && s.Length > 0 ? $": {s}" : string.Empty;
        var who = authId is null && methods.Count == 0
            ? string.Empty
            : $" as {(authId is null ? "no authid" : $"authid '{authId}'")} (authmethods: {(methods.Count == 0 ? "anonymous" : string.Join(", ", methods))})";
        return $"The router refused to join realm '{realm}'{who}: {reason}{text}";
    }
}
