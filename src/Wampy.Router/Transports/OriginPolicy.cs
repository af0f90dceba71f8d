using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Wampy.Router.Transports;

/// <summary>
/// Which browser pages may open a WebSocket to the router (cross-site WebSocket hijacking protection). A request
/// without an <c>Origin</c> header is not from a browser page and passes; a page of the same origin as the endpoint
/// passes; any other origin passes only when listed in <see cref="WampRouterOptions.AllowedOrigins"/> (or when the
/// list holds <c>*</c>).
/// </summary>
internal static class OriginPolicy
{
    public static bool Allows(HttpRequest request, IReadOnlyCollection<string> allowed, out string origin)
    {
        origin = request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var trimmed = origin.TrimEnd('/');
        if (string.Equals(trimmed, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var entry in allowed)
        {
            if (entry == "*" || string.Equals(entry.TrimEnd('/'), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
