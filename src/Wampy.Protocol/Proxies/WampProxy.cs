using System.Diagnostics.CodeAnalysis;
using Wampy.Proxies;

namespace Wampy;

/// <summary>Creates typed proxies: interfaces whose methods carry <see cref="WampProcedureAttribute"/> and call those procedures.</summary>
public static class WampProxy
{
    /// <summary>
    /// A proxy for <typeparamref name="TService"/> over <paramref name="caller"/>: each method calls its procedure
    /// with the method's parameters as positional arguments (a <see cref="CancellationToken"/> parameter cancels the
    /// call) and binds the result to the method's return type (<see cref="Task"/>, <see cref="Task{TResult}"/>,
    /// <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>).
    /// </summary>
    /// <typeparam name="TService">An interface.</typeparam>
    /// <param name="caller">What makes the calls.</param>
    /// <returns>The proxy.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TService"/> is not an interface or has a method that cannot be proxied.</exception>
    [RequiresUnreferencedCode(ProxyRequirements.Message)]
    [RequiresDynamicCode(ProxyRequirements.Message)]
    public static TService Create<TService>(IWampCaller caller)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(caller);
        return ProxyFactory.Create<TService>(caller);
    }
}
