namespace Wampy.Router.Realms;

/// <summary>
/// Decides whether a role may perform an action on a URI, from the realm's static roles. A realm without roles
/// allows everything; otherwise the most specific matching permission decides and no match denies.
/// </summary>
internal sealed class RealmAuthorizer
{
    private readonly Dictionary<string, WampPermissionOptions[]>? _roles;

    public RealmAuthorizer(WampRealmOptions realm)
    {
        if (realm.Roles.Count > 0)
        {
            // Most specific first: exact rules, then prefixes by length, longest first.
            _roles = realm.Roles.ToDictionary(
                r => r.Name,
                r => r.Permissions
                    .OrderByDescending(p => p.Match == "exact")
                    .ThenByDescending(p => p.Uri.Length)
                    .ToArray(),
                StringComparer.Ordinal);
        }
    }

    public bool IsAllowed(string role, RouterAction action, string uri)
    {
        if (_roles is null)
        {
            return true;
        }

        if (!_roles.TryGetValue(role, out var permissions))
        {
            return false;
        }

        foreach (var permission in permissions)
        {
            var matches = permission.Match == "exact"
                ? string.Equals(permission.Uri, uri, StringComparison.Ordinal)
                : uri.StartsWith(permission.Uri, StringComparison.Ordinal);
            if (matches)
            {
                return action switch
                {
                    RouterAction.Call => permission.Call,
                    RouterAction.Register => permission.Register,
                    RouterAction.Publish => permission.Publish,
                    _ => permission.Subscribe,
                };
            }
        }

        return false;
    }
}
