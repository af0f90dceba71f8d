using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Wampy.Proxies;

/// <summary>Builds typed proxies; each interface is inspected once and its call delegates cached.</summary>
internal static class ProxyFactory
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<MethodInfo, ProxyMethod>> Plans = new();

    [RequiresUnreferencedCode(ProxyRequirements.Message)]
    [RequiresDynamicCode(ProxyRequirements.Message)]
    public static TService Create<TService>(IWampCaller caller)
        where TService : class
    {
        if (!typeof(TService).IsInterface)
        {
            throw new ArgumentException($"{typeof(TService).Name} must be an interface to be proxied.", nameof(TService));
        }

        var methods = Plans.GetOrAdd(typeof(TService), static type => ProxyMethod.Plan(type));
        var proxy = DispatchProxy.Create<TService, WampServiceProxy>();
        var target = (WampServiceProxy)(object)proxy;
        target.Caller = caller;
        target.Methods = methods;
        return proxy;
    }
}
