using Wampy.Serialization;

namespace Wampy.Transports;

/// <summary>Opens connections to a WAMP router for the URI schemes it knows (e.g. <c>ws://</c> and <c>wss://</c>).</summary>
public interface IWampTransport
{
    /// <summary>Whether this transport can reach <paramref name="uri"/>.</summary>
    /// <param name="uri">The router address.</param>
    /// <returns><see langword="true"/> when the scheme is supported.</returns>
    bool CanConnect(Uri uri);

    /// <summary>Connects and negotiates one of <paramref name="serializers"/> (in order of preference).</summary>
    /// <param name="uri">The router address.</param>
    /// <param name="serializers">The serializers to offer, most preferred first.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="WampConnectionException">The router could not be reached or accepted none of the serializers.</exception>
    ValueTask<IWampConnection> ConnectAsync(Uri uri, IReadOnlyList<IWampSerializer> serializers, CancellationToken cancellationToken = default);
}
