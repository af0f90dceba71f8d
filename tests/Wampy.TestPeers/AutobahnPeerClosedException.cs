namespace Wampy.TestPeers;

/// <summary>The router refused or closed an Autobahn|JS peer's session before it was ready.</summary>
public sealed class AutobahnPeerClosedException(string closed, string? reason, string? message)
    : Exception($"The Autobahn|JS peer's session closed ({closed}): {reason} {message}")
{
    /// <summary>Autobahn's close kind, e.g. <c>closed</c> or <c>unreachable</c>.</summary>
    public string Closed { get; } = closed;

    /// <summary>The ABORT reason URI the router sent, e.g. <c>wamp.error.authentication_failed</c>.</summary>
    public string? Reason { get; } = reason;

    /// <summary>The message the router gave with the ABORT, if any.</summary>
    public string? AbortMessage { get; } = message;
}
