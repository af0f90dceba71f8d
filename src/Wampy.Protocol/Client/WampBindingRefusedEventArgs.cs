namespace Wampy;

/// <summary>The router refused to restore a registration or subscription.</summary>
/// <param name="uri">The procedure or topic.</param>
/// <param name="isRegistration">Whether it is a registration (else a subscription).</param>
/// <param name="error">The router's error (e.g. <c>wamp.error.procedure_already_exists</c>).</param>
public sealed class WampBindingRefusedEventArgs(string uri, bool isRegistration, WampException error) : EventArgs
{
    /// <summary>The procedure or topic.</summary>
    public string Uri { get; } = uri;

    /// <summary>Whether it is a registration (else a subscription).</summary>
    public bool IsRegistration { get; } = isRegistration;

    /// <summary>The router's error.</summary>
    public WampException Error { get; } = error;
}
