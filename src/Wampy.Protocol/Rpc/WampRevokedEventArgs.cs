namespace Wampy;

/// <summary>The router ended a registration or subscription by itself (registration or subscription revocation).</summary>
/// <param name="reason">The router's reason URI, e.g. <c>wamp.error.kicked</c>, or <see langword="null"/> when it gave none.</param>
public sealed class WampRevokedEventArgs(string? reason) : EventArgs
{
    /// <summary>The router's reason URI, or <see langword="null"/> when it gave none.</summary>
    public string? Reason { get; } = reason;
}
