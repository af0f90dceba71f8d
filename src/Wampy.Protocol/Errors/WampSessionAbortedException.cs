namespace Wampy;

/// <summary>
/// The router refused to open the session (ABORT instead of WELCOME), e.g. <c>wamp.error.no_such_realm</c>
/// or <c>wamp.error.authentication_failed</c>. <see cref="WampException.Error"/> holds the reason URI.
/// </summary>
public sealed class WampSessionAbortedException : WampException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">The ABORT reason URI.</param>
    /// <param name="realm">The realm that was requested.</param>
    /// <param name="details">The ABORT details.</param>
    public WampSessionAbortedException(string reason, string realm, IReadOnlyDictionary<string, object?> details)
        : base(reason, null, null, details, Describe(reason, realm, details))
    {
        Realm = realm;
    }

    /// <summary>The realm that was requested.</summary>
    public string Realm { get; }

    private static string Describe(string reason, string realm, IReadOnlyDictionary<string, object?> details)
    {
        var text = details.TryGetValue("message", out var m) && m is string s && s.Length > 0 ? $": {s}" : string.Empty;
        return $"The router refused to join realm '{realm}': {reason}{text}";
    }
}
