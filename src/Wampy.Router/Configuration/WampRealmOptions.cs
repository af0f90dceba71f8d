namespace Wampy.Router;

/// <summary>One realm of the embedded router: who may join it and what each role may do.</summary>
public sealed class WampRealmOptions
{
    /// <summary>The realm's URI, as clients name it in HELLO.</summary>
    public string Name { get; set; } = "realm1";

    /// <summary>Whether clients may join without credentials (auth method <c>anonymous</c>). Default <see langword="true"/>.</summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>The role given to anonymous sessions. Default <c>anonymous</c>.</summary>
    public string AnonymousRole { get; set; } = "anonymous";

    /// <summary>The users who authenticate with a ticket, WAMP-CRA or cryptosign.</summary>
    public List<WampRouterUserOptions> Users { get; set; } = [];

    /// <summary>
    /// The roles and their permissions. When empty, every session may call, register, publish and subscribe
    /// to any URI outside the reserved <c>wamp.</c> namespace. When not empty, a role that is not listed may do nothing.
    /// </summary>
    public List<WampRoleOptions> Roles { get; set; } = [];
}
