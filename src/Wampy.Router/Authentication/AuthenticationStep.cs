using Wampy.Messages;

namespace Wampy.Router.Authentication;

/// <summary>Where a client's authentication stands: admitted, challenged, or refused.</summary>
internal sealed class AuthenticationStep
{
    private readonly Func<AuthenticateMessage, AuthenticationStep>? _verify;

    private AuthenticationStep(
        string? authId, string? authRole, string? authMethod, ChallengeMessage? challenge,
        Func<AuthenticateMessage, AuthenticationStep>? verify, string? error, string? message)
    {
        AuthId = authId;
        AuthRole = authRole;
        AuthMethod = authMethod;
        Challenge = challenge;
        _verify = verify;
        Error = error;
        Message = message;
    }

    public string? AuthId { get; }

    public string? AuthRole { get; }

    public string? AuthMethod { get; }

    /// <summary>The CHALLENGE to send, when the method needs one.</summary>
    public ChallengeMessage? Challenge { get; }

    /// <summary>The ABORT reason when the client is refused.</summary>
    public string? Error { get; }

    /// <summary>The ABORT message when the client is refused; never contains a secret.</summary>
    public string? Message { get; }

    public bool IsAdmitted => Error is null && Challenge is null;

    public static AuthenticationStep Admit(string authId, string authRole, string authMethod) =>
        new(authId, authRole, authMethod, null, null, null, null);

    public static AuthenticationStep Challenged(ChallengeMessage challenge, Func<AuthenticateMessage, AuthenticationStep> verify) =>
        new(null, null, null, challenge, verify, null, null);

    public static AuthenticationStep Refuse(string error, string message) => new(null, null, null, null, null, error, message);

    /// <summary>Checks the client's AUTHENTICATE against the challenge sent.</summary>
    public AuthenticationStep Verify(AuthenticateMessage authenticate) =>
        _verify is null ? Refuse(WampErrorUris.ProtocolViolation, "AUTHENTICATE was not expected.") : _verify(authenticate);
}
