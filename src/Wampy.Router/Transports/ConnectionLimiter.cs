using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Wampy.Router.Realms;

namespace Wampy.Router.Transports;

/// <summary>
/// Caps the connections open from one remote address (<see cref="WampRouterOptions.MaxConnectionsPerAddress"/>) so
/// one client cannot take every slot. On the router's own listeners it is Kestrel connection middleware that closes
/// a connection beyond the cap before any byte is read; inside an app (<c>MapWamp</c>) the WebSocket endpoint asks it
/// before accepting the upgrade.
/// </summary>
internal sealed class ConnectionLimiter(RouterCore core)
{
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();

    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var address = (connection.RemoteEndPoint as IPEndPoint)?.Address;
        if (!TryEnter(address))
        {
            connection.Abort(new ConnectionAbortedException("Too many connections from this address."));
            Leave(address);
            return;
        }

        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            Leave(address);
        }
    };

    /// <summary>
    /// Counts one more connection from <paramref name="address"/>; <see langword="false"/> (and a warning) when that
    /// passes the cap. Every call, admitted or not, is matched by one <see cref="Leave"/>.
    /// </summary>
    public bool TryEnter(IPAddress? address)
    {
        if (address is null)
        {
            return true;
        }

        if (_open.AddOrUpdate(address, 1, static (_, count) => count + 1) <= core.Options.MaxConnectionsPerAddress)
        {
            return true;
        }

        Diagnostics.Log.ConnectionRefused(core.Logger, address.ToString(), core.Options.MaxConnectionsPerAddress);
        return false;
    }

    /// <summary>Counts one connection from <paramref name="address"/> less.</summary>
    public void Leave(IPAddress? address)
    {
        if (address is not null && _open.AddOrUpdate(address, 0, static (_, count) => count - 1) <= 0)
        {
            _open.TryRemove(KeyValuePair.Create(address, 0));
        }
    }
}
