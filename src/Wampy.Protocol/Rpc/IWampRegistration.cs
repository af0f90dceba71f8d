namespace Wampy;

/// <summary>A procedure this client provides. Dispose it to unregister.</summary>
public interface IWampRegistration : IAsyncDisposable
{
    /// <summary>The procedure URI.</summary>
    string Procedure { get; }

    /// <summary>The id the router gave the registration.</summary>
    long RegistrationId { get; }

    /// <summary>
    /// Raised when the router revokes the registration by itself (UNREGISTERED without a request): the procedure
    /// is no longer served by this session. Not raised by disposing it or by the session ending.
    /// </summary>
    event EventHandler<WampRevokedEventArgs>? Revoked;
}
