namespace Wampy;

/// <summary>Where a <see cref="WampClient"/> is in its life.</summary>
public enum WampClientState
{
    /// <summary>Created, not connected yet.</summary>
    Disconnected,

    /// <summary>Connecting to the router and joining the realm for the first time (<see cref="WampClient.ConnectAsync"/>).</summary>
    Connecting,

    /// <summary>Joined, with every registration and subscription in place: calls, publications and handlers work.</summary>
    Connected,

    /// <summary>The session was lost; joining again with backoff. Calls and publications wait (up to <see cref="WampClientOptions.ConnectionWaitTimeout"/>).</summary>
    Reconnecting,

    /// <summary>Closed by the application, or the session ended with reconnection off. <see cref="WampClient.ConnectAsync"/> may start again.</summary>
    Closed,

    /// <summary>Gave up: the first connection failed, reconnection ran out of attempts, or the router refused something that retrying cannot fix.</summary>
    Failed,
}
