namespace Wampy.Router;

/// <summary>Gives access to the router that <c>AddWampyRouter</c> runs with the host.</summary>
public interface IWampRouterAccessor
{
    /// <summary>The running router; <see langword="null"/> before the host starts or when the router is disabled.</summary>
    WampRouter? Router { get; }

    /// <summary>Completes with the router once it listens; canceled when it is disabled; faulted when it failed to start.</summary>
    Task<WampRouter> Started { get; }
}
