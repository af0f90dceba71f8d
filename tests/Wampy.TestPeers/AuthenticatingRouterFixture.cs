namespace Wampy.TestPeers;

/// <summary>A class fixture: fox-wamp requiring authentication (see <see cref="FoxRouter.WithAuthentication"/>).</summary>
public sealed class AuthenticatingRouterFixture : IAsyncLifetime
{
    /// <summary>The router.</summary>
    public FoxRouter Router { get; } = FoxRouter.WithAuthentication();

    /// <inheritdoc />
    public Task InitializeAsync() => Router.InitializeAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Router.DisposeAsync();
}
