using Wampy.Messages;

namespace Wampy.Authentication;

/// <summary>Anonymous authentication: offered in HELLO; a router never challenges it.</summary>
public sealed class AnonymousAuthenticator : IWampAuthenticator
{
    /// <inheritdoc />
    public string AuthMethod => "anonymous";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? AuthExtra => null;

    /// <inheritdoc />
    public ValueTask<WampAuthenticationResponse> AuthenticateAsync(ChallengeMessage challenge, CancellationToken cancellationToken = default) =>
        throw new WampProtocolViolationException("The router sent a CHALLENGE for anonymous authentication, which has none.");
}
