using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Wampy.Proxies;

/// <summary>How one interface method maps to a call: procedure, which parameters are arguments, how the result is returned.</summary>
internal sealed class ProxyMethod
{
    private static readonly MethodInfo CallTaskOfT = typeof(ProxyMethod).GetMethod(nameof(CallTaskOf), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo CallValueTaskOfT = typeof(ProxyMethod).GetMethod(nameof(CallValueTaskOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly string _procedure;
    private readonly int _cancellationIndex;
    private readonly int _argumentCount;
    private readonly Func<IWampCaller, string, object?[]?, CancellationToken, object> _invoke;

    private ProxyMethod(string procedure, int cancellationIndex, int argumentCount, Func<IWampCaller, string, object?[]?, CancellationToken, object> invoke)
    {
        _procedure = procedure;
        _cancellationIndex = cancellationIndex;
        _argumentCount = argumentCount;
        _invoke = invoke;
    }

    [RequiresUnreferencedCode(ProxyRequirements.Message)]
    [RequiresDynamicCode(ProxyRequirements.Message)]
    public static IReadOnlyDictionary<MethodInfo, ProxyMethod> Plan(Type serviceType)
    {
        var plan = new Dictionary<MethodInfo, ProxyMethod>();
        foreach (var type in serviceType.GetInterfaces().Append(serviceType))
        {
            foreach (var method in type.GetMethods())
            {
                plan[method] = PlanMethod(serviceType, method);
            }
        }

        return plan;
    }

    public object Invoke(IWampCaller client, object?[]? parameters)
    {
        var token = CancellationToken.None;
        object?[]? arguments = null;
        if (_argumentCount > 0)
        {
            arguments = new object?[_argumentCount];
            var next = 0;
            for (var i = 0; i < parameters!.Length; i++)
            {
                if (i != _cancellationIndex)
                {
                    arguments[next++] = parameters[i];
                }
            }
        }

        if (_cancellationIndex >= 0)
        {
            token = (CancellationToken)parameters![_cancellationIndex]!;
        }

        return _invoke(client, _procedure, arguments, token);
    }

    [RequiresUnreferencedCode(ProxyRequirements.Message)]
    [RequiresDynamicCode(ProxyRequirements.Message)]
    private static ProxyMethod PlanMethod(Type serviceType, MethodInfo method)
    {
        var attribute = method.GetCustomAttribute<WampProcedureAttribute>()
            ?? throw new ArgumentException(
                $"{serviceType.Name}.{method.Name} has no [WampProcedure(\"...\")] attribute; every method of a WAMP proxy interface needs one.");
        var procedure = method.DeclaringType?.GetCustomAttribute<WampUriPrefixAttribute>() is { } prefix
            ? prefix.Combine(attribute.Procedure)
            : attribute.Procedure;
        WampUri.Validate(procedure, strict: false, nameof(serviceType));

        var parameters = method.GetParameters();
        var cancellationIndex = -1;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ParameterType == typeof(CancellationToken))
            {
                cancellationIndex = i;
            }
            else if (parameters[i].ParameterType.IsByRef)
            {
                throw new ArgumentException($"{serviceType.Name}.{method.Name}: ref and out parameters cannot be sent to a procedure.");
            }
        }

        var argumentCount = parameters.Length - (cancellationIndex >= 0 ? 1 : 0);
        var returnType = method.ReturnType;
        Func<IWampCaller, string, object?[]?, CancellationToken, object> invoke;
        if (returnType == typeof(Task))
        {
            invoke = CallTask;
        }
        else if (returnType == typeof(ValueTask))
        {
            invoke = static (client, procedure, args, token) => new ValueTask(CallTask(client, procedure, args, token));
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            invoke = CallTaskOfT.MakeGenericMethod(returnType.GetGenericArguments()[0])
                .CreateDelegate<Func<IWampCaller, string, object?[]?, CancellationToken, object>>();
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            invoke = CallValueTaskOfT.MakeGenericMethod(returnType.GetGenericArguments()[0])
                .CreateDelegate<Func<IWampCaller, string, object?[]?, CancellationToken, object>>();
        }
        else
        {
            throw new ArgumentException(
                $"{serviceType.Name}.{method.Name} returns {returnType.Name}; a WAMP proxy method returns Task, Task<T>, ValueTask or ValueTask<T>.");
        }

        return new ProxyMethod(procedure, cancellationIndex, argumentCount, invoke);
    }

    private static async Task CallTask(IWampCaller client, string procedure, object?[]? arguments, CancellationToken token) =>
        await client.CallAsync(procedure, arguments, null, null, token).ConfigureAwait(false);

    private static async Task<T> CallTaskOf<T>(IWampCaller client, string procedure, object?[]? arguments, CancellationToken token) =>
        (await client.CallAsync(procedure, arguments, null, null, token).ConfigureAwait(false)).GetValue<T>();

    private static object CallValueTaskOf<T>(IWampCaller client, string procedure, object?[]? arguments, CancellationToken token) =>
        new ValueTask<T>(CallTaskOf<T>(client, procedure, arguments, token));
}
