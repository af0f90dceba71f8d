using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using Wampy.Authentication;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Router.Authentication;

/// <summary>
/// Authenticates clients of one realm from its static configuration: anonymous, ticket, WAMP-CRA (salted or not)
/// and cryptosign (Ed25519, without channel binding). The client's order of auth methods decides among those
/// its authid can use.
/// </summary>
internal sealed class RealmAuthenticator
{
    private static readonly string[] AnonymousOnly = ["anonymous"];
    private readonly WampRealmOptions _realm;
    private readonly Dictionary<string, WampRouterUserOptions> _users;

    public RealmAuthenticator(WampRealmOptions realm)
    {
        _realm = realm;
        _users = realm.Users.ToDictionary(u => u.AuthId, StringComparer.Ordinal);
    }

    public AuthenticationStep Begin(HelloMessage hello, long sessionId)
    {
        var details = hello.Details;
        var authId = details.GetString("authid");
        var methods = details.TryGetValue("authmethods", out var value) && value is object?[] list
            ? list.OfType<string>().ToArray()
            : AnonymousOnly;
        foreach (var method in methods)
        {
            var step = method switch
            {
                "anonymous" when _realm.AllowAnonymous => AuthenticationStep.Admit(
                    string.IsNullOrEmpty(authId) ? $"anonymous-{sessionId}" : authId, _realm.AnonymousRole, "anonymous"),
                "ticket" => Ticket(authId),
                "wampcra" => WampCra(authId, sessionId),
                "cryptosign" => Cryptosign(authId, details.GetDictionary("authextra")),
                _ => null,
            };
            if (step is not null)
            {
                return step;
            }
        }

        return AuthenticationStep.Refuse(
            WampErrorUris.NoAuthMethod,
            $"None of the auth methods offered ({string.Join(", ", methods)}) is accepted for authid '{authId}' in realm '{_realm.Name}'.");
    }

    private WampRouterUserOptions? User(string? authId) =>
        authId is not null && _users.TryGetValue(authId, out var user) ? user : null;

    private AuthenticationStep? Ticket(string? authId)
    {
        if (User(authId) is not { Ticket: { } ticket } user)
        {
            return null;
        }

        return AuthenticationStep.Challenged(
            new ChallengeMessage("ticket", WampDictionary.Empty),
            reply => FixedTimeEquals(reply.Signature, ticket)
                ? AuthenticationStep.Admit(user.AuthId, user.Role, "ticket")
                : Failed("ticket", user.AuthId));
    }

    private AuthenticationStep? WampCra(string? authId, long sessionId)
    {
        if (User(authId) is not { Secret: { } secret } user)
        {
            return null;
        }

        var challenge = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["authid"] = user.AuthId,
            ["authrole"] = user.Role,
            ["authmethod"] = "wampcra",
            ["authprovider"] = "static",
            ["nonce"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["session"] = sessionId,
        });
        var extra = new Dictionary<string, object?> { ["challenge"] = challenge };
        var key = secret;
        if (user.Salt is not null)
        {
            extra["salt"] = user.Salt;
            extra["iterations"] = (long)user.Iterations;
            extra["keylen"] = (long)user.KeyLength;
            key = WampCraAuthenticator.DeriveKey(secret, user.Salt, user.Iterations, user.KeyLength);
        }

        var expected = WampCraAuthenticator.Sign(key, challenge);
        return AuthenticationStep.Challenged(
            new ChallengeMessage("wampcra", extra),
            reply => FixedTimeEquals(reply.Signature, expected)
                ? AuthenticationStep.Admit(user.AuthId, user.Role, "wampcra")
                : Failed("wampcra", user.AuthId));
    }

    private AuthenticationStep? Cryptosign(string? authId, IReadOnlyDictionary<string, object?>? authExtra)
    {
        var offeredKey = authExtra.GetString("pubkey");
        var user = User(authId);
        if (user is null && offeredKey is not null)
        {
            user = _users.Values.FirstOrDefault(u => string.Equals(u.PublicKey, offeredKey, StringComparison.OrdinalIgnoreCase));
        }

        if (user?.PublicKey is not { } publicKeyHex ||
            (offeredKey is not null && !string.Equals(offeredKey, publicKeyHex, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var challenge = RandomNumberGenerator.GetBytes(32);
        return AuthenticationStep.Challenged(
            new ChallengeMessage("cryptosign", new Dictionary<string, object?>
            {
                ["challenge"] = Convert.ToHexStringLower(challenge),
                ["channel_binding"] = null,
            }),
            reply => VerifyCryptosign(reply.Signature, challenge, publicKeyHex)
                ? AuthenticationStep.Admit(user.AuthId, user.Role, "cryptosign")
                : Failed("cryptosign", user.AuthId));
    }

    private static bool VerifyCryptosign(string signatureHex, byte[] challenge, string publicKeyHex)
    {
        // AUTHENTICATE carries hex(signature) or hex(signature || signed challenge).
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length is not (64 or 96) || (bytes.Length == 96 && !bytes.AsSpan(64).SequenceEqual(challenge)))
        {
            return false;
        }

        var algorithm = SignatureAlgorithm.Ed25519;
        var publicKey = PublicKey.Import(algorithm, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        return algorithm.Verify(publicKey, challenge, bytes.AsSpan(0, 64));
    }

    private static bool FixedTimeEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));

    private AuthenticationStep Failed(string method, string authId) =>
        AuthenticationStep.Refuse(WampErrorUris.AuthenticationFailed, $"The {method} signature for authid '{authId}' in realm '{_realm.Name}' is wrong.");
}
