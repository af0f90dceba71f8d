namespace Wampy.Router;

/// <summary>A role of a realm and the URIs its sessions may use.</summary>
public sealed class WampRoleOptions
{
    /// <summary>The role's name, as given to users (<see cref="WampRouterUserOptions.Role"/>) or anonymous sessions.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The permissions. For a URI, the most specific matching permission decides (an exact one over a prefix one,
    /// a longer prefix over a shorter one); a URI no permission matches is denied.
    /// </summary>
    public List<WampPermissionOptions> Permissions { get; set; } = [];
}
