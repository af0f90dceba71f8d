using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Wampy.Authentication;
using Wampy.Messages;
using Wampy.TestPeers;

namespace Wampy.Tests.Authentication;

/// <summary>Our WAMP-CRA and cryptosign against published known answers and against Autobahn|JS as an oracle.</summary>
public class AuthenticationKnownAnswerTests
{
    private static readonly JsonObject Answers = JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestVectors", "auth-known-answers.json")))!.AsObject();

    private static string KeyFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestVectors", "keys", name);

    [Fact]
    public void Wampcra_key_derivation_matches_the_known_answers()
    {
        var vectors = Answers["wampcra"]!["derive_key"]!.AsArray();
        Assert.NotEmpty(vectors);
        foreach (var v in vectors)
        {
            Assert.Equal(
                v!["derived_key_b64"]!.GetValue<string>(),
                WampCraAuthenticator.DeriveKey(v["secret"]!.GetValue<string>(), v["salt"]!.GetValue<string>(), v["iterations"]!.GetValue<int>(), v["keylen"]!.GetValue<int>()));
        }
    }

    [Fact]
    public void Wampcra_signatures_match_the_known_answers()
    {
        var vectors = Answers["wampcra"]!["compute_wcs"]!.AsArray();
        foreach (var v in vectors)
        {
            Assert.Equal(v!["signature_b64"]!.GetValue<string>(), WampCraAuthenticator.Sign(v["key"]!.GetValue<string>(), v["challenge"]!.GetValue<string>()));
        }

        // These entries write "(same as previous)" for a challenge repeated from the entry before.
        var previous = string.Empty;
        foreach (var v in Answers["wampcra"]!["self_computed_not_upstream"]!.AsArray())
        {
            var challenge = v!["challenge"]!.GetValue<string>();
            challenge = previous = challenge == "(same as previous)" ? previous : challenge;
            var key = v["salt"] is { } salt
                ? WampCraAuthenticator.DeriveKey(v["secret"]!.GetValue<string>(), salt.GetValue<string>(), v["iterations"]!.GetValue<int>(), v["keylen"]!.GetValue<int>())
                : v["secret"]!.GetValue<string>();
            if (v["derived_key_b64"] is { } derived)
            {
                Assert.Equal(derived.GetValue<string>(), key);
            }

            Assert.Equal(v["signature_b64"]!.GetValue<string>(), WampCraAuthenticator.Sign(key, challenge));
        }
    }

    [Fact]
    public async Task The_authenticator_answers_a_salted_challenge_with_the_derived_key()
    {
        var authenticator = new WampCraAuthenticator("secret1");
        var challenge = new ChallengeMessage("wampcra", new Dictionary<string, object?>
        {
            ["challenge"] = "{\"nonce\":\"x\"}",
            ["salt"] = "salt123",
            ["iterations"] = 100L,
            ["keylen"] = 16L,
        });

        var response = await authenticator.AuthenticateAsync(challenge);

        Assert.Equal(WampCraAuthenticator.Sign("prq7+YkJ1/KlW1X0YczMHw==", "{\"nonce\":\"x\"}"), response.Signature);
        Assert.DoesNotContain("secret1", authenticator.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Signature, response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cryptosign_signatures_match_the_known_answers_with_and_without_channel_binding()
    {
        var vectors = Answers["cryptosign_signatures"]!["vectors"]!.AsArray();
        Assert.NotEmpty(vectors);
        foreach (var v in vectors)
        {
            using var authenticator = CryptosignAuthenticator.FromHexSeed(v!["private_key"]!.GetValue<string>());
            Assert.Equal(v["public_key"]!.GetValue<string>(), authenticator.PublicKey);
            var channel = v["channel_id"] is { } id ? Convert.FromHexString(id.GetValue<string>()) : [];
            Assert.Equal(v["signature"]!.GetValue<string>(), authenticator.Sign(Convert.FromHexString(v["challenge"]!.GetValue<string>()), channel));
        }
    }

    [Fact]
    public async Task Cryptosign_reproduces_the_specification_example_exchange()
    {
        var example = Answers["cryptosign_spec_example_exchanges"]!.AsObject();
        using var authenticator = CryptosignAuthenticator.FromHexSeed(example["client_private_key_seed"]!.GetValue<string>());
        Assert.Equal(example["client_public_key"]!.GetValue<string>(), authenticator.AuthExtra!["pubkey"]);

        var exchange = example["example1_no_channel_binding"]!;
        var response = await authenticator.AuthenticateAsync(new ChallengeMessage("cryptosign", new Dictionary<string, object?>
        {
            ["challenge"] = exchange["challenge_extra_challenge"]!.GetValue<string>(),
        }));

        Assert.Equal(exchange["authenticate_signature"]!.GetValue<string>(), response.Signature);
        Assert.DoesNotContain(example["client_private_key_seed"]!.GetValue<string>(), authenticator.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_that_requires_channel_binding_gets_a_clear_error()
    {
        using var authenticator = CryptosignAuthenticator.FromSeed(new byte[32]);
        var ex = await Assert.ThrowsAsync<WampException>(() => authenticator.AuthenticateAsync(new ChallengeMessage("cryptosign", new Dictionary<string, object?>
        {
            ["challenge"] = new string('a', 64),
            ["channel_binding"] = "tls-unique",
        })).AsTask());
        Assert.Contains("tls-unique", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_files_load_in_openssh_hex_and_raw_formats()
    {
        var expected = File.ReadAllText(KeyFile("test_ed25519.pubkey.hex")).Trim();
        using var openssh = CryptosignAuthenticator.FromFile(KeyFile("test_ed25519"));
        Assert.Equal(expected, openssh.PublicKey);

        var seed = RandomNumberGenerator.GetBytes(32);
        using var reference = CryptosignAuthenticator.FromSeed(seed);
        var raw = Path.GetTempFileName();
        var hex = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(raw, seed);
            File.WriteAllText(hex, Convert.ToHexStringLower(seed) + "\n");
            using var fromRaw = CryptosignAuthenticator.FromFile(raw);
            using var fromHex = CryptosignAuthenticator.FromFile(hex);
            Assert.Equal(reference.PublicKey, fromRaw.PublicKey);
            Assert.Equal(reference.PublicKey, fromHex.PublicKey);
            File.WriteAllText(raw, "not a key");
            var ex = Assert.Throws<ArgumentException>(() => CryptosignAuthenticator.FromFile(raw));
            Assert.Contains("holds no Ed25519 private key", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(raw);
            File.Delete(hex);
        }
    }

    [Fact]
    public async Task Autobahn_agrees_on_wampcra_and_cryptosign_for_random_inputs()
    {
        await using var oracle = new AutobahnOracle();
        for (var i = 0; i < 10; i++)
        {
            var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)) + "é";
            var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            var iterations = 1 + RandomNumberGenerator.GetInt32(2000);
            var keylen = 16 + (4 * RandomNumberGenerator.GetInt32(8));
            var challenge = "{\"nonce\":\"" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)) + "\",\"n\":" + i + "}";

            var derived = await oracle.AskAsync(new JsonObject { ["op"] = "cra_derive", ["secret"] = secret, ["salt"] = salt, ["iterations"] = iterations, ["keylen"] = keylen });
            Assert.Equal(derived["result"]!.GetValue<string>(), WampCraAuthenticator.DeriveKey(secret, salt, iterations, keylen));
            var signed = await oracle.AskAsync(new JsonObject { ["op"] = "cra_sign", ["key"] = secret, ["challenge"] = challenge });
            Assert.Equal(signed["result"]!.GetValue<string>(), WampCraAuthenticator.Sign(secret, challenge));

            var seed = RandomNumberGenerator.GetBytes(32);
            var cryptoChallenge = RandomNumberGenerator.GetBytes(32);
            using var authenticator = CryptosignAuthenticator.FromSeed(seed);
            var answer = await oracle.AskAsync(new JsonObject { ["op"] = "cryptosign", ["seed"] = Convert.ToHexStringLower(seed), ["challenge"] = Convert.ToHexStringLower(cryptoChallenge) });
            Assert.Equal(answer["pubkey"]!.GetValue<string>(), authenticator.PublicKey);
            Assert.Equal(answer["result"]!.GetValue<string>(), authenticator.Sign(cryptoChallenge));
        }
    }
}
