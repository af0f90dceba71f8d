using Wampy.Messages;

namespace Wampy.Authentication;

/// <summary>Ticket authentication: answers the CHALLENGE with a fixed ticket (a token or password). The ticket is never logged.</summary>
/// <param name="ticket">The ticket.</param>
public sealed class TicketAuthenticator(string ticket) : IWampAuthenticator
{
    private readonly string _ticket = ticket ?? throw new ArgumentNullException(nameof(ticket));

    /// <inheritdoc />
    public string AuthMethod => "ticket";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? AuthExtra => null;

    /// <inheritdoc />
    public ValueTask<WampAuthenticationResponse> AuthenticateAsync(ChallengeMessage challenge, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new WampAuthenticationResponse(_ticket));

    /// <summary>Hides the ticket.</summary>
    /// <returns>A description without the secret.</returns>
    public override string ToString() => "TicketAuthenticator { Ticket = *** }";
}
