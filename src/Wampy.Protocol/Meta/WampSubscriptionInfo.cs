using System.Text.Json.Serialization;

namespace Wampy;

/// <summary>A subscription as the router's meta API describes it (<c>wamp.subscription.get</c>).</summary>
/// <param name="Id">The subscription id.</param>
/// <param name="Created">When it was created, as the router wrote it (ISO 8601).</param>
/// <param name="Uri">The topic or pattern.</param>
/// <param name="Match">The match policy: <c>exact</c>, <c>prefix</c> or <c>wildcard</c>.</param>
public sealed record WampSubscriptionInfo(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("created")] string? Created,
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("match")] string? Match);
