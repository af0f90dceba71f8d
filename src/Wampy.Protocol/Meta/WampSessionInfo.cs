using System.Text.Json.Serialization;

namespace Wampy;

/// <summary>A session as the router's meta API describes it (<c>wamp.session.get</c>).</summary>
/// <param name="Session">The session id.</param>
/// <param name="AuthId">The session's authid.</param>
/// <param name="AuthRole">The session's authrole.</param>
/// <param name="AuthMethod">How it authenticated.</param>
/// <param name="AuthProvider">Who authenticated it.</param>
public sealed record WampSessionInfo(
    [property: JsonPropertyName("session")] long Session,
    [property: JsonPropertyName("authid")] string? AuthId,
    [property: JsonPropertyName("authrole")] string? AuthRole,
    [property: JsonPropertyName("authmethod")] string? AuthMethod,
    [property: JsonPropertyName("authprovider")] string? AuthProvider);
