namespace Wampy;

/// <summary>Where a <see cref="WampClient"/> is in its life.</summary>
public enum WampSessionState
{
    /// <summary>No session: not connected yet, or closed.</summary>
    Disconnected,
    /// <summary>Connecting to the router and joining the realm.</summary>
    Connecting,
    /// <summary>Joined: calls, publications, registrations and subscriptions work.</summary>
    Established,
    /// <summary>Saying GOODBYE and closing the transport.</summary>
    Closing,
}
