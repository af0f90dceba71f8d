using System.Reflection;

namespace Wampy.Proxies;

/// <summary>The runtime proxy behind <see cref="WampClient.GetProxy{TService}"/>. Not for direct use.</summary>
public class WampServiceProxy : DispatchProxy
{
    internal IWampCaller? Caller { get; set; }

    internal IReadOnlyDictionary<MethodInfo, ProxyMethod>? Methods { get; set; }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return Methods!.TryGetValue(targetMethod, out var method)
            ? method.Invoke(Caller!, args)
            : throw new NotSupportedException($"{targetMethod.Name} is not a WAMP procedure method.");
    }
}
