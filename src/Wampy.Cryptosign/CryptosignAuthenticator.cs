using NSec.Cryptography;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Authentication;

/// <summary>
/// WAMP-Cryptosign: Ed25519 (NSec). HELLO carries the public key (<c>authextra.pubkey</c>, hex); the answer to a
/// CHALLENGE is hex(signature ‖ challenge), the signature being over the 32-byte challenge. Channel binding
/// (<c>tls-unique</c>) is not available on .NET's WebSocket client: a router that requires it gets a clear error.
/// The private key is never logged.
/// </summary>
public sealed class CryptosignAuthenticator : IWampAuthenticator, IDisposable
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private CryptosignAuthenticator(Key key)
    {
        _key = key;
        PublicKey = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        AuthExtra = new Dictionary<string, object?> { ["pubkey"] = PublicKey };
    }

    /// <inheritdoc />
    public string AuthMethod => "cryptosign";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? AuthExtra { get; }

    /// <summary>The public key, 64 hex characters.</summary>
    public string PublicKey { get; }

    /// <summary>An authenticator from a 32-byte private key seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The authenticator.</returns>
    public static CryptosignAuthenticator FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException($"An Ed25519 private key seed has 32 bytes; got {seed.Length}.", nameof(seed));
        }

        var key = Key.Import(Ed25519, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        return new CryptosignAuthenticator(key);
    }

    /// <summary>An authenticator from a private key seed written as 64 hex characters.</summary>
    /// <param name="hexSeed">The seed in hex.</param>
    /// <returns>The authenticator.</returns>
    public static CryptosignAuthenticator FromHexSeed(string hexSeed)
    {
        ArgumentNullException.ThrowIfNull(hexSeed);
        byte[] seed;
        try
        {
            seed = Convert.FromHexString(hexSeed.Trim());
        }
        catch (FormatException)
        {
            throw new ArgumentException("The cryptosign private key must be 64 hex characters (a 32-byte Ed25519 seed).", nameof(hexSeed));
        }

        return FromSeed(seed);
    }

    /// <summary>
    /// An authenticator from a key file: an OpenSSH private key (<c>-----BEGIN OPENSSH PRIVATE KEY-----</c>,
    /// unencrypted Ed25519), 64 hex characters, or the 32 raw bytes of the seed.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The authenticator.</returns>
    public static CryptosignAuthenticator FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 32)
        {
            return FromSeed(bytes);
        }

        var text = System.Text.Encoding.ASCII.GetString(bytes).Trim();
        if (text.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return FromSeed(OpenSshKey.ReadEd25519Seed(text, path));
        }

        if (text.Length == 64)
        {
            return FromHexSeed(text);
        }

        throw new ArgumentException($"'{path}' holds no Ed25519 private key this client reads (OpenSSH, 64 hex characters or 32 raw bytes).", nameof(path));
    }

    /// <summary>Signs a challenge: hex(Ed25519 signature of the message ‖ message), the message being the challenge
    /// XOR the channel id when channel binding is used.</summary>
    /// <param name="challenge">The 32-byte challenge.</param>
    /// <param name="channelId">The 32-byte channel id (tls-unique), or empty for no channel binding.</param>
    /// <returns>The AUTHENTICATE signature, 192 hex characters.</returns>
    public string Sign(ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> channelId = default)
    {
        if (challenge.Length != 32)
        {
            throw new ArgumentException($"A cryptosign challenge has 32 bytes; got {challenge.Length}.", nameof(challenge));
        }

        Span<byte> message = stackalloc byte[32];
        challenge.CopyTo(message);
        if (!channelId.IsEmpty)
        {
            if (channelId.Length != 32)
            {
                throw new ArgumentException($"A channel id has 32 bytes; got {channelId.Length}.", nameof(channelId));
            }

            for (var i = 0; i < 32; i++)
            {
                message[i] ^= channelId[i];
            }
        }

        Span<byte> signed = stackalloc byte[96];
        Ed25519.Sign(_key, message, signed[..64]);
        message.CopyTo(signed[64..]);
        return Convert.ToHexStringLower(signed);
    }

    /// <inheritdoc />
    public ValueTask<WampAuthenticationResponse> AuthenticateAsync(ChallengeMessage challenge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.Extra.GetString("channel_binding") is { } binding)
        {
            throw new WampException(
                WampErrorUris.AuthenticationFailed,
                $"The router asks for cryptosign channel binding '{binding}', which .NET's WebSocket client cannot provide (no access to tls-unique).");
        }

        var text = challenge.Extra.GetString("challenge")
            ?? throw new WampProtocolViolationException("Cryptosign CHALLENGE has no 'challenge' in its extra.");
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new WampProtocolViolationException("Cryptosign CHALLENGE 'challenge' is not hex.");
        }

        return ValueTask.FromResult(new WampAuthenticationResponse(Sign(bytes)));
    }

    /// <summary>Hides the private key.</summary>
    /// <returns>A description with the public key only.</returns>
    public override string ToString() => $"CryptosignAuthenticator {{ PublicKey = {PublicKey} }}";

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
