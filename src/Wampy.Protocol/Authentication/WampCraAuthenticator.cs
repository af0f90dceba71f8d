using System.Security.Cryptography;
using System.Text;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Authentication;

/// <summary>
/// WAMP-CRA: the CHALLENGE carries a challenge string; the answer is base64(HMAC-SHA256(key, challenge)). The key is
/// the secret, or, when the router sends <c>salt</c>, <c>iterations</c> and <c>keylen</c>, the base64 text of
/// PBKDF2-HMAC-SHA256(secret, salt, iterations, keylen), as the specification and Autobahn do. The secret is never logged.
/// </summary>
/// <param name="secret">The shared secret.</param>
public sealed class WampCraAuthenticator(string secret) : IWampAuthenticator
{
    private readonly string _secret = secret ?? throw new ArgumentNullException(nameof(secret));

    /// <inheritdoc />
    public string AuthMethod => "wampcra";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? AuthExtra => null;

    /// <inheritdoc />
    public ValueTask<WampAuthenticationResponse> AuthenticateAsync(ChallengeMessage challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var text = challenge.Extra.GetString("challenge")
            ?? throw new WampProtocolViolationException("WAMP-CRA CHALLENGE has no 'challenge' string in its extra.");
        var key = _secret;
        if (challenge.Extra.GetString("salt") is { } salt)
        {
            var iterations = (int)(challenge.Extra.GetInt64("iterations") ?? 1000);
            var keyLength = (int)(challenge.Extra.GetInt64("keylen") ?? 32);
            key = DeriveKey(_secret, salt, iterations, keyLength);
        }

        return ValueTask.FromResult(new WampAuthenticationResponse(Sign(key, text)));
    }

    /// <summary>The salted key: base64 of PBKDF2-HMAC-SHA256(secret, salt, iterations, keylen).</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="salt">The salt, as sent by the router.</param>
    /// <param name="iterations">PBKDF2 iterations (Autobahn's default is 1000).</param>
    /// <param name="keyLength">Derived key length in bytes (Autobahn's default is 32).</param>
    /// <returns>The base64 text of the derived key, which is the HMAC key.</returns>
    public static string DeriveKey(string secret, string salt, int iterations = 1000, int keyLength = 32)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(keyLength, 1);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(salt), iterations, HashAlgorithmName.SHA256, keyLength);
        return Convert.ToBase64String(key);
    }

    /// <summary>The WAMP-CRA signature: base64(HMAC-SHA256(key, challenge)), both taken as UTF-8.</summary>
    /// <param name="key">The secret or derived key.</param>
    /// <param name="challenge">The challenge string.</param>
    /// <returns>The signature.</returns>
    public static string Sign(string key, string challenge)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(challenge);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(challenge)));
    }

    /// <summary>Hides the secret.</summary>
    /// <returns>A description without the secret.</returns>
    public override string ToString() => "WampCraAuthenticator { Secret = *** }";
}
