using Wampy.Messages;

namespace Wampy.Authentication;

/// <summary>
/// Answers the router's CHALLENGE for one authentication method. Wampy offers the methods of all configured
/// authenticators in HELLO (<c>authmethods</c>) and hands the CHALLENGE to the one the router picked.
/// </summary>
public interface IWampAuthenticator
{
    /// <summary>The method name, e.g. <c>ticket</c>, <c>wampcra</c>, <c>cryptosign</c>.</summary>
    string AuthMethod { get; }

    /// <summary>Entries this method adds to HELLO's <c>authextra</c> (e.g. a public key), or <see langword="null"/>.</summary>
    IReadOnlyDictionary<string, object?>? AuthExtra { get; }

    /// <summary>Computes the AUTHENTICATE answer to <paramref name="challenge"/>.</summary>
    /// <param name="challenge">The router's challenge.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>The signature (or ticket) and extra data.</returns>
    ValueTask<WampAuthenticationResponse> AuthenticateAsync(ChallengeMessage challenge, CancellationToken cancellationToken = default);
}
