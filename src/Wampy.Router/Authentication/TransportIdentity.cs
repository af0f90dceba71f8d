namespace Wampy.Router.Authentication;

/// <summary>
/// An identity established by the transport before HELLO (the app's authenticated HTTP user behind a WebSocket),
/// offered under <see cref="AuthMethod"/>; <see cref="Identify"/> answers for the realm the client names.
/// </summary>
internal sealed record TransportIdentity(string AuthMethod, Func<string, WampIdentity?> Identify);
