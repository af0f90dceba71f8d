using System.CommandLine;
using Wampy.Authentication;
using Wampy.Serialization;

namespace Wampy.Cli;

/// <summary>The options every client command shares; secrets may also come from environment variables.</summary>
internal sealed class CommonOptions
{
    public Option<string> Url { get; } = new("--url")
    {
        Description = "Router URL: ws://, wss://, tcp://, tls:// or unix:// (env WAMPY_URL)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WAMPY_URL") ?? "ws://127.0.0.1:8080/ws",
        Recursive = true,
    };

    public Option<string> Realm { get; } = new("--realm")
    {
        Description = "Realm to join (env WAMPY_REALM)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WAMPY_REALM") ?? "realm1",
        Recursive = true,
    };

    public Option<string> Serializer { get; } = new("--serializer")
    {
        Description = "json, msgpack or cbor (default: offer all three, the router picks)",
        Recursive = true,
    };

    public Option<string?> AuthId { get; } = new("--authid")
    {
        Description = "Authid announced in HELLO (env WAMPY_AUTHID)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WAMPY_AUTHID"),
        Recursive = true,
    };

    public Option<string?> Ticket { get; } = new("--ticket")
    {
        Description = "Ticket for auth method ticket (env WAMPY_TICKET)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WAMPY_TICKET"),
        Recursive = true,
    };

    public Option<string?> Secret { get; } = new("--secret")
    {
        Description = "Secret for auth method wampcra (env WAMPY_SECRET)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WAMPY_SECRET"),
        Recursive = true,
    };

    public Option<string?> PrivateKey { get; } = new("--private-key")
    {
        Description = "Cryptosign key: a 64-hex-digit Ed25519 seed or a key file (env WAMPY_PRIVATE_KEY)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WAMPY_PRIVATE_KEY"),
        Recursive = true,
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds allowed for connecting and for each call",
        DefaultValueFactory = _ => 10,
        Recursive = true,
        CustomParser = static result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "10";
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                return seconds;
            }

            result.AddError($"--timeout must be a positive number of seconds, e.g. 2.5; got '{text}'.");
            return 0;
        },
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log the protocol exchange and print stack traces",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Url, Realm, Serializer, AuthId, Ticket, Secret, PrivateKey, Timeout, Verbose })
        {
            command.Options.Add(option);
        }
    }

    public TimeSpan TimeoutOf(ParseResult result)
    {
        var seconds = result.GetValue(Timeout);
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException("--timeout must be a positive number of seconds.");
    }

    /// <summary>Builds the client options; bad values give <see cref="ArgumentException"/> (exit code 2).</summary>
    public WampClientOptions ClientOptions(ParseResult result)
    {
        var url = result.GetValue(Url)!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss" or "tcp" or "tls" or "unix"))
        {
            throw new ArgumentException($"--url must be a ws://, wss://, tcp://, tls:// or unix:// URL; got '{url}'.");
        }

        var options = new WampClientOptions
        {
            Url = uri,
            Realm = result.GetValue(Realm)!,
            Authentication = { AuthId = result.GetValue(AuthId) },
            ConnectTimeout = TimeoutOf(result),
            DefaultCallTimeout = TimeoutOf(result),
        };
        if (result.GetValue(Serializer) is { } serializer)
        {
            if (WampSerializers.Find(serializer) is null)
            {
                throw new ArgumentException($"--serializer must be one of {string.Join(", ", WampSerializers.Names)}; got '{serializer}'.");
            }

            options.Serializers = [serializer];
        }

        if (result.GetValue(PrivateKey) is { } key)
        {
            options.Authenticators.Add(key.Length == 64 && key.All(Uri.IsHexDigit) ? CryptosignAuthenticator.FromHexSeed(key) : CryptosignAuthenticator.FromFile(key));
        }

        if (result.GetValue(Secret) is { } secret)
        {
            options.Authenticators.Add(new WampCraAuthenticator(secret));
        }

        if (result.GetValue(Ticket) is { } ticket)
        {
            options.Authenticators.Add(new TicketAuthenticator(ticket));
        }

        return options;
    }
}
