using System.Text.Json.Serialization;

namespace Wampy;

/// <summary>A registration as the router's meta API describes it (<c>wamp.registration.get</c>).</summary>
/// <param name="Id">The registration id.</param>
/// <param name="Created">When it was created, as the router wrote it (ISO 8601).</param>
/// <param name="Uri">The procedure or pattern.</param>
/// <param name="Match">The match policy: <c>exact</c>, <c>prefix</c> or <c>wildcard</c>.</param>
/// <param name="Invoke">The invocation policy: <c>single</c>, <c>roundrobin</c>, <c>random</c>, <c>first</c> or <c>last</c>.</param>
public sealed record WampRegistrationInfo(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("created")] string? Created,
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("match")] string? Match,
    [property: JsonPropertyName("invoke")] string? Invoke);
