namespace Wampy.Router;

/// <summary>
/// A user of a realm with the credentials of one or more authentication methods. Secrets here are compared or
/// used to verify signatures; they are never logged.
/// </summary>
public sealed class WampRouterUserOptions
{
    /// <summary>The user's authid.</summary>
    public string AuthId { get; set; } = "";

    /// <summary>The role the user gets once authenticated. Default <c>user</c>.</summary>
    public string Role { get; set; } = "user";

    /// <summary>The ticket for auth method <c>ticket</c>; <see langword="null"/> when the user does not use it.</summary>
    public string? Ticket { get; set; }

    /// <summary>The shared secret for auth method <c>wampcra</c>; <see langword="null"/> when the user does not use it.</summary>
    public string? Secret { get; set; }

    /// <summary>The PBKDF2 salt for salted WAMP-CRA; <see langword="null"/> for unsalted WAMP-CRA.</summary>
    public string? Salt { get; set; }

    /// <summary>PBKDF2 iterations for salted WAMP-CRA. Default 1000.</summary>
    public int Iterations { get; set; } = 1000;

    /// <summary>PBKDF2 derived key length in bytes for salted WAMP-CRA. Default 32.</summary>
    public int KeyLength { get; set; } = 32;

    /// <summary>The user's Ed25519 public key, 64 hex digits, for auth method <c>cryptosign</c>.</summary>
    public string? PublicKey { get; set; }
}
