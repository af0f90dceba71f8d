namespace Wampy.Router.Transports;

/// <summary>A client broke a transport rule (a message over the size limit, a bad frame header).</summary>
internal sealed class RouterConnectionException(string message) : Exception(message);
