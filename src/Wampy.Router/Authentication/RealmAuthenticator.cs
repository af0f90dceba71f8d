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
    private readonly byte[] _decoyKey = RandomNumberGenerator.GetBytes(32);

    public RealmAuthenticator(WampRealmOptions realm)
    {
        _realm = realm;
        _users = realm.Users.ToDictionary(u => u.AuthId, StringComparer.Ordinal);
    }

    private bool Offers(Func<WampRouterUserOptions, bool> credential) => _realm.Users.Any(credential);

    /// <summary>The router's own auth methods; an app's HTTP identity method cannot take one of these names.</summary>
    public static readonly IReadOnlySet<string> BuiltInMethods = new HashSet<string>(StringComparer.Ordinal) { "anonymous", "ticket", "wampcra", "cryptosign" };

    public AuthenticationStep Begin(HelloMessage hello, long sessionId, TransportIdentity? transport = null)
    {
        var details = hello.Details;
        var authId = details.GetString("authid");
        var methods = details.TryGetValue("authmethods", out var value) && value is object?[] list
            ? list.OfType<string>().ToArray()
            : AnonymousOnly;
        foreach (var method in methods)
        {
            if (transport is not null && method == transport.AuthMethod)
            {
                // The app vouches for the HTTP user; the authid the client asked for plays no part.
                if (transport.Identify(_realm.Name) is { } identity)
                {
                    return AuthenticationStep.Admit(identity.AuthId, identity.AuthRole, method);
                }

                continue;
            }

            var step = method switch
            {
                // An anonymous client never chooses its identity: the authid is the router's (as Crossbar.io does).
                "anonymous" when _realm.AllowAnonymous => AuthenticationStep.Admit($"anonymous-{sessionId}", _realm.AnonymousRole, "anonymous"),
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

        // Only when the realm accepts none of the methods at all: an unknown authid or a wrong key is challenged
        // like a real user and refused with authentication_failed, so authids cannot be enumerated.
        return AuthenticationStep.Refuse(
            WampErrorUris.NoAuthMethod,
            $"Realm '{_realm.Name}' accepts none of the auth methods offered ({string.Join(", ", methods)}).");
    }

    private WampRouterUserOptions? User(string? authId) =>
        authId is not null && _users.TryGetValue(authId, out var user) ? user : null;

    private AuthenticationStep? Ticket(string? authId)
    {
        if (User(authId) is not { Ticket: { } ticket } user)
        {
            return Offers(u => u.Ticket is not null) ? Decoy(new ChallengeMessage("ticket", WampDictionary.Empty), "ticket", authId) : null;
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
            return Offers(u => u.Secret is not null) ? WampCraDecoy(authId, sessionId) : null;
        }

        var challenge = CraChallenge(user.AuthId, user.Role, sessionId);
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
            // An unknown authid or someone else's key: challenged like anyone, refused as a wrong signature.
            return Offers(u => u.PublicKey is not null)
                ? Decoy(CryptosignChallenge(RandomNumberGenerator.GetBytes(32)), "cryptosign", authId ?? string.Empty)
                : null;
        }

        var challenge = RandomNumberGenerator.GetBytes(32);
        return AuthenticationStep.Challenged(
            CryptosignChallenge(challenge),
            reply => VerifyCryptosign(reply.Signature, challenge, publicKeyHex)
                ? AuthenticationStep.Admit(user.AuthId, user.Role, "cryptosign")
                : Failed("cryptosign", user.AuthId));
    }

    /// <summary>The WAMP-CRA challenge string: who, how, a nonce, the time and the session.</summary>
    private static string CraChallenge(string authId, string role, long sessionId)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("authid", authId);
            json.WriteString("authrole", role);
            json.WriteString("authmethod", "wampcra");
            json.WriteString("authprovider", "static");
            json.WriteString("nonce", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("session", sessionId);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ChallengeMessage CryptosignChallenge(byte[] challenge) => new("cryptosign", new Dictionary<string, object?>
    {
        ["challenge"] = Convert.ToHexStringLower(challenge),
        ["channel_binding"] = null,
    });

    /// <summary>A challenge for a client that cannot pass it (unknown authid, no such credential): its answer is refused like a wrong one.</summary>
    private AuthenticationStep Decoy(ChallengeMessage challenge, string method, string? authId) =>
        AuthenticationStep.Challenged(challenge, _ => Failed(method, authId ?? string.Empty));

    /// <summary>
    /// A WAMP-CRA challenge for an unknown authid, shaped like a real one (a role of the realm's WAMP-CRA users, and
    /// salt parameters when they are salted; the salt is derived from the authid, so it is the same at every try).
    /// </summary>
    private AuthenticationStep WampCraDecoy(string? authId, long sessionId)
    {
        var model = _realm.Users.First(u => u.Secret is not null);
        var extra = new Dictionary<string, object?> { ["challenge"] = CraChallenge(authId ?? string.Empty, model.Role, sessionId) };
        if (model.Salt is not null)
        {
            extra["salt"] = Convert.ToHexStringLower(HMACSHA256.HashData(_decoyKey, Encoding.UTF8.GetBytes(authId ?? string.Empty)).AsSpan(0, model.Salt.Length / 2 + 1))[..model.Salt.Length];
            extra["iterations"] = (long)model.Iterations;
            extra["keylen"] = (long)model.KeyLength;
        }

        return Decoy(new ChallengeMessage("wampcra", extra), "wampcra", authId);
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
        AuthenticationStep.Refuse(WampErrorUris.AuthenticationFailed, $"Authentication as '{authId}' in realm '{_realm.Name}' failed ({method}).");
}
