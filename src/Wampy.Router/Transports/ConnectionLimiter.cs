using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Wampy.Router.Realms;

namespace Wampy.Router.Transports;

/// <summary>
/// Kestrel connection middleware that caps the connections open from one remote address
/// (<see cref="WampRouterOptions.MaxConnectionsPerAddress"/>): a connection beyond it is closed at once, before any
/// byte is read, so one client cannot take every connection slot.
/// </summary>
internal sealed class ConnectionLimiter(RouterCore core)
{
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();

    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var address = (connection.RemoteEndPoint as IPEndPoint)?.Address;
        if (address is null)
        {
            await next(connection).ConfigureAwait(false);
            return;
        }

        var open = _open.AddOrUpdate(address, 1, static (_, count) => count + 1);
        try
        {
            if (open > core.Options.MaxConnectionsPerAddress)
            {
                Diagnostics.Log.ConnectionRefused(core.Logger, address.ToString(), core.Options.MaxConnectionsPerAddress);
                connection.Abort(new ConnectionAbortedException("Too many connections from this address."));
                return;
            }

            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            if (_open.AddOrUpdate(address, 0, static (_, count) => count - 1) <= 0)
            {
                _open.TryRemove(KeyValuePair.Create(address, 0));
            }
        }
    };
}
