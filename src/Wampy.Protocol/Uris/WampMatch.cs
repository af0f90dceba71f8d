namespace Wampy;

/// <summary>How a registration or subscription URI matches procedures or topics (option <c>match</c>).</summary>
public enum WampMatch
{
    /// <summary>Only the URI itself (the default).</summary>
    Exact,

    /// <summary>Every URI that starts with it: <c>com.myapp</c> serves <c>com.myapp.add</c> and <c>com.myapp.orders.list</c>.</summary>
    Prefix,

    /// <summary>URIs of as many components, empty components matching any: <c>com..get</c> serves <c>com.users.get</c>.</summary>
    Wildcard,
}
