using System.Collections.Concurrent;
using System.Reflection;

namespace Wampy.Proxies;

/// <summary>Builds typed proxies of one client; each interface is inspected once and its call delegates cached.</summary>
internal sealed class ProxyFactory(WampClient client)
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<MethodInfo, ProxyMethod>> Plans = new();

    public TService Create<TService>()
        where TService : class
    {
        if (!typeof(TService).IsInterface)
        {
            throw new ArgumentException($"{typeof(TService).Name} must be an interface to be proxied.", nameof(TService));
        }

        var methods = Plans.GetOrAdd(typeof(TService), static type => ProxyMethod.Plan(type));
        var proxy = DispatchProxy.Create<TService, WampServiceProxy>();
        var target = (WampServiceProxy)(object)proxy;
        target.Client = client;
        target.Methods = methods;
        return proxy;
    }
}
