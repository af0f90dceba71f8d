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

    /// <summary>
    /// Whether <paramref name="role"/> may perform <paramref name="action"/> on every URI that <paramref name="pattern"/>
    /// can match: for an exact URI, the most specific rule decides; a prefix or wildcard pattern needs a prefix grant
    /// covering its literal start (an exact grant never authorises a pattern) and no rule inside its range that denies.
    /// </summary>
    public bool IsAllowed(string role, RouterAction action, string pattern, WampMatch match)
    {
        if (match == WampMatch.Exact || _roles is null)
        {
            return IsAllowed(role, action, pattern);
        }

        if (!_roles.TryGetValue(role, out var permissions))
        {
            return false;
        }

        var root = Matching.RouterUris.LiteralStart(pattern, match);
        var covering = permissions.FirstOrDefault(p => p.Match != "exact" && root.StartsWith(p.Uri, StringComparison.Ordinal));
        if (covering is null || !Grants(covering, action))
        {
            return false;
        }

        // A rule for URIs inside the pattern's range decides for them: it must allow too.
        return permissions.Where(p => p.Uri.StartsWith(root, StringComparison.Ordinal) && p != covering).All(p => Grants(p, action));
    }

    private static bool Grants(WampPermissionOptions permission, RouterAction action) => action switch
    {
        RouterAction.Call => permission.Call,
        RouterAction.Register => permission.Register,
        RouterAction.Publish => permission.Publish,
        _ => permission.Subscribe,
    };

    /// <summary>Whether a permission of <paramref name="role"/> grants <paramref name="action"/> on <paramref name="uri"/> explicitly (a realm without roles grants nothing explicitly).</summary>
    public bool IsGranted(string role, RouterAction action, string uri) => _roles is not null && IsAllowed(role, action, uri);

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
                return Grants(permission, action);
            }
        }

        return false;
    }
}
