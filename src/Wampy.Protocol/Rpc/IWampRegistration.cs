namespace Wampy;

/// <summary>A procedure this client provides. Dispose it to unregister.</summary>
public interface IWampRegistration : IAsyncDisposable
{
    /// <summary>The procedure URI.</summary>
    string Procedure { get; }

    /// <summary>The id the router gave the registration.</summary>
    long RegistrationId { get; }
}
