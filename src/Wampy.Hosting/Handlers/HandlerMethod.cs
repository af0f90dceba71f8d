using System.Linq.Expressions;
using System.Reflection;
using Wampy.Payload;

namespace Wampy.Hosting.Handlers;

/// <summary>
/// One handler class method bound to a procedure or a topic, planned and compiled once at start-up: parameter
/// binders, a compiled call, and an awaiter for its return type. No reflection runs per invocation.
/// </summary>
internal sealed class HandlerMethod
{
    private static readonly MethodInfo AwaitTaskOfT = typeof(HandlerMethod).GetMethod(nameof(AwaitTaskOf), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo AwaitValueTaskOfT = typeof(HandlerMethod).GetMethod(nameof(AwaitValueTaskOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ParameterBinder[] _binders;
    private readonly Func<object, object?[], object?> _call;
    private static readonly MethodInfo StreamOfT = typeof(HandlerMethod).GetMethod(nameof(StreamAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<object?, WampInvocation?, CancellationToken, ValueTask<object?>>? _await;

    private HandlerMethod(
        Type handlerType, MethodInfo method, string uri, bool isTopic, ParameterBinder[] binders, Func<object, object?[], object?> call,
        Func<object?, WampInvocation?, CancellationToken, ValueTask<object?>>? awaiter)
    {
        HandlerType = handlerType;
        Method = method;
        Uri = uri;
        IsTopic = isTopic;
        _binders = binders;
        _call = call;
        _await = awaiter;
    }

    public Type HandlerType { get; }

    public MethodInfo Method { get; }

    /// <summary>The procedure or topic URI.</summary>
    public string Uri { get; }

    public bool IsTopic { get; }

    /// <summary>The REGISTER options from <see cref="WampProcedureAttribute"/>; <see langword="null"/> for topics.</summary>
    public RegisterOptions? RegisterOptions { get; set; }

    /// <summary>The SUBSCRIBE options from <see cref="WampTopicAttribute"/>; <see langword="null"/> for procedures.</summary>
    public SubscribeOptions? SubscribeOptions { get; set; }

    /// <summary>Whether the method produces a value (not void, Task or ValueTask).</summary>
    public bool ReturnsValue => Method.ReturnType != typeof(void) && Method.ReturnType != typeof(Task) && Method.ReturnType != typeof(ValueTask);

    /// <summary>"Class.Method", for logs and errors.</summary>
    public string DisplayName => $"{HandlerType.Name}.{Method.Name}";

    public static HandlerMethod Create(Type handlerType, MethodInfo method, string uri, bool isTopic)
    {
        if (method.IsStatic || method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"{handlerType.Name}.{method.Name} ('{uri}') must be a non-generic instance method to be bound.");
        }

        var parameters = method.GetParameters();
        var dataCount = parameters.Count(p => !ParameterBinder.IsSpecial(p.ParameterType));
        var binders = new ParameterBinder[parameters.Length];
        var position = 0;
        for (var i = 0; i < parameters.Length; i++)
        {
            binders[i] = ParameterBinder.Create(parameters[i], position, dataCount == 1, isTopic, uri);
            if (binders[i].IsData)
            {
                position++;
            }
        }

        var awaiter = CreateAwaiter(handlerType, method, uri, isTopic);
        return new HandlerMethod(handlerType, method, uri, isTopic, binders, Compile(handlerType, method), awaiter);
    }

    /// <summary>Binds the parameters, calls the method on <paramref name="target"/> and awaits what it returns.</summary>
    public ValueTask<object?> InvokeAsync(object target, in HandlerContext context)
    {
        var dataArguments = 0;
        var values = _binders.Length == 0 ? [] : new object?[_binders.Length];
        for (var i = 0; i < _binders.Length; i++)
        {
            values[i] = _binders[i].Bind(context);
            if (_binders[i].IsData)
            {
                dataArguments++;
            }
        }

        if (context.Arguments.Count > dataArguments)
        {
            throw new WampPayloadBindingException(
                $"'{Uri}' takes {dataArguments} positional argument(s); {context.Arguments.Count} were given.");
        }

        var returned = _call(target, values);
        return _await is null ? ValueTask.FromResult(returned) : _await(returned, context.Invocation, context.CancellationToken);
    }

    private static Func<object, object?[], object?> Compile(Type handlerType, MethodInfo method)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters();
        var call = Expression.Call(
            Expression.Convert(target, handlerType),
            method,
            parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));
        Expression body = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Constant(null, typeof(object)))
            : Expression.Convert(call, typeof(object));
        return Expression.Lambda<Func<object, object?[], object?>>(body, target, arguments).Compile();
    }

    private static Func<object?, WampInvocation?, CancellationToken, ValueTask<object?>>? CreateAwaiter(Type handlerType, MethodInfo method, string uri, bool isTopic)
    {
        var type = method.ReturnType;
        if (type == typeof(Task))
        {
            return static async (returned, _, _) => { await ((Task)returned!).ConfigureAwait(false); return null; };
        }

        if (type == typeof(ValueTask))
        {
            return static async (returned, _, _) => { await ((ValueTask)returned!).ConfigureAwait(false); return null; };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return AwaitTaskOfT.MakeGenericMethod(type.GetGenericArguments()[0]).CreateDelegate<Func<object?, WampInvocation?, CancellationToken, ValueTask<object?>>>();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return AwaitValueTaskOfT.MakeGenericMethod(type.GetGenericArguments()[0]).CreateDelegate<Func<object?, WampInvocation?, CancellationToken, ValueTask<object?>>>();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            return isTopic
                ? throw new InvalidOperationException($"{handlerType.Name}.{method.Name} ('{uri}') handles events and cannot return IAsyncEnumerable.")
                : StreamOfT.MakeGenericMethod(type.GetGenericArguments()[0]).CreateDelegate<Func<object?, WampInvocation?, CancellationToken, ValueTask<object?>>>();
        }

        if (isTopic && type != typeof(void))
        {
            throw new InvalidOperationException(
                $"{handlerType.Name}.{method.Name} ('{uri}') handles events and must return void, Task or ValueTask; it returns {type.Name}.");
        }

        return null;
    }

    private static async ValueTask<object?> AwaitTaskOf<T>(object? returned, WampInvocation? invocation, CancellationToken cancellationToken) =>
        await ((Task<T>)returned!).ConfigureAwait(false);

    private static async ValueTask<object?> AwaitValueTaskOf<T>(object? returned, WampInvocation? invocation, CancellationToken cancellationToken) =>
        await ((ValueTask<T>)returned!).ConfigureAwait(false);

    /// <summary>
    /// A handler returning IAsyncEnumerable streams progressive results: every item but the last is sent as progress
    /// (when the caller asked for it), the last one is the final result; no item gives an empty result.
    /// </summary>
    private static async ValueTask<object?> StreamAsync<T>(object? returned, WampInvocation? invocation, CancellationToken cancellationToken)
    {
        var hasPrevious = false;
        T previous = default!;
        await foreach (var item in ((IAsyncEnumerable<T>)returned!).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (hasPrevious)
            {
                invocation?.ReportProgress(WampResult.FromValue(previous));
            }

            previous = item;
            hasPrevious = true;
        }

        return hasPrevious ? WampResult.FromValue(previous) : WampResult.Empty;
    }
}
