namespace Wampy;

/// <summary>Reaches the router's meta API from any caller.</summary>
public static class WampMetaApiExtensions
{
    /// <summary>Typed calls to the router's meta API through <paramref name="caller"/>.</summary>
    public static WampMetaApi Meta(this IWampCaller caller) => new(caller);
}
