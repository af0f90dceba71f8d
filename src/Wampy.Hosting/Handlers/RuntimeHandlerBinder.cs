using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Wampy.Hosting.Handlers;

/// <summary>
/// Describes a handler class at start-up through reflection, for classes added with <c>AddHandler</c> or assembly
/// scanning: each method planned once (parameter binders, a compiled call, an awaiter for its return type), so no
/// reflection runs per invocation. Binding goes through <see cref="WampHandlerBinding"/>, as generated code does.
/// Trimmed and Native AOT applications use the descriptors Wampy's source generator writes instead.
/// </summary>
internal static class RuntimeHandlerBinder
{
    public const string Requirements =
        "Handler classes added with AddHandler or AddHandlersFromAssembly are bound at start-up through reflection and " +
        "expression compilation. Under trimming or Native AOT register the handlers Wampy's source generator describes: " +
        "builder.Services.AddWampy(...).AddWampyHandlers().";

    private static readonly MethodInfo BindOfT = typeof(RuntimeHandlerBinder).GetMethod(nameof(BindData), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ProgressOfT = typeof(RuntimeHandlerBinder).GetMethod(nameof(Progress), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Whether <paramref name="type"/> is a concrete class with at least one handler method.</summary>
    [RequiresUnreferencedCode(Requirements)]
    public static bool IsHandlerType(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && FindMethods(type).Any();

    [RequiresUnreferencedCode(Requirements)]
    [RequiresDynamicCode(Requirements)]
    public static WampHandlerDescriptor Describe([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type)
    {
        var prefix = type.GetCustomAttribute<WampUriPrefixAttribute>(inherit: true);
        var methods = new List<WampHandlerMethodDescriptor>();
        foreach (var method in FindMethods(type))
        {
            var procedure = method.GetCustomAttribute<WampProcedureAttribute>(inherit: true);
            var topic = method.GetCustomAttribute<WampTopicAttribute>(inherit: true);
            var invoke = procedure is not null && topic is not null
                ? static (_, _) => throw new InvalidOperationException("unreachable: refused when the catalog is built")
                : Plan(type, method, HandlerCatalog.UriOf(prefix, procedure, topic), isTopic: topic is not null);
            methods.Add(new WampHandlerMethodDescriptor(method.Name, procedure, topic, ReturnsValue(method.ReturnType), invoke));
        }

        return new WampHandlerDescriptor(type, prefix, methods);
    }

    [RequiresUnreferencedCode(Requirements)]
    private static IEnumerable<MethodInfo> FindMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.IsDefined(typeof(WampProcedureAttribute), inherit: true) || m.IsDefined(typeof(WampTopicAttribute), inherit: true));

    private static bool ReturnsValue(Type type) => type != typeof(void) && type != typeof(Task) && type != typeof(ValueTask);

    [RequiresUnreferencedCode(Requirements)]
    [RequiresDynamicCode(Requirements)]
    private static WampHandlerInvoker Plan(Type handlerType, MethodInfo method, string uri, bool isTopic)
    {
        if (method.IsStatic || method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"{handlerType.Name}.{method.Name} ('{uri}') must be a non-generic instance method to be bound.");
        }

        var parameters = method.GetParameters();
        var dataCount = parameters.Count(p => !IsSpecial(p.ParameterType));
        var binders = new Func<WampHandlerContext, object?>[parameters.Length];
        var position = 0;
        for (var i = 0; i < parameters.Length; i++)
        {
            binders[i] = Binder(parameters[i], ref position, dataCount == 1, isTopic, uri);
        }

        var call = Compile(handlerType, method);
        var awaiter = Awaiter(handlerType, method, uri, isTopic);
        return (target, context) =>
        {
            var values = binders.Length == 0 ? [] : new object?[binders.Length];
            for (var i = 0; i < binders.Length; i++)
            {
                values[i] = binders[i](context);
            }

            WampHandlerBinding.CheckArgumentCount(context, dataCount, uri);
            var returned = call(target, values);
            return awaiter is null ? ValueTask.FromResult(returned) : awaiter(returned, context);
        };
    }

    /// <summary>Whether a parameter of this type is filled by Wampy rather than from a WAMP argument.</summary>
    private static bool IsSpecial(Type type) =>
        type == typeof(CancellationToken) || type == typeof(WampInvocation) || type == typeof(WampEvent) ||
        (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IProgress<>));

    [RequiresUnreferencedCode(Requirements)]
    [RequiresDynamicCode(Requirements)]
    private static Func<WampHandlerContext, object?> Binder(ParameterInfo parameter, ref int position, bool onlyDataParameter, bool forEvents, string uri)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return static c => c.CancellationToken;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IProgress<>))
        {
            return forEvents
                ? throw Unbindable(parameter, uri, "a topic handler cannot report progress")
                : ProgressOfT.MakeGenericMethod(type.GetGenericArguments()[0]).CreateDelegate<Func<WampHandlerContext, object?>>();
        }

        if (type == typeof(WampInvocation))
        {
            return forEvents
                ? throw Unbindable(parameter, uri, "a topic handler receives WampEvent, not WampInvocation")
                : static c => c.Invocation;
        }

        if (type == typeof(WampEvent))
        {
            return forEvents
                ? static c => c.Event
                : throw Unbindable(parameter, uri, "a procedure handler receives WampInvocation, not WampEvent");
        }

        if (type.IsByRef || type.IsPointer || parameter.IsOut)
        {
            throw Unbindable(parameter, uri, "ref, out and pointer parameters cannot come from WAMP arguments");
        }

        var description = new WampHandlerParameter(
            uri, parameter.Name!, type.Name, position++, IsNullable(parameter), onlyDataParameter && IsObject(type));
        var bind = BindOfT.MakeGenericMethod(type).CreateDelegate<Func<WampHandlerContext, WampHandlerParameter, bool, object?, object?>>();
        var hasDefault = parameter.HasDefaultValue;
        var defaultValue = hasDefault ? DefaultOf(parameter) : null;
        return c => bind(c, description, hasDefault, defaultValue);
    }

    private static object? BindData<T>(WampHandlerContext context, WampHandlerParameter parameter, bool hasDefault, object? defaultValue) =>
        WampHandlerBinding.TryBind<T>(context, parameter, out var value) ? value
        : hasDefault ? defaultValue
        : WampHandlerBinding.Bind<T>(context, parameter);

    private static object? Progress<T>(WampHandlerContext context) => WampHandlerBinding.Progress<T>(context);

    [RequiresDynamicCode(Requirements)]
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

    [RequiresUnreferencedCode(Requirements)]
    [RequiresDynamicCode(Requirements)]
    private static Func<object?, WampHandlerContext, ValueTask<object?>>? Awaiter(Type handlerType, MethodInfo method, string uri, bool isTopic)
    {
        var type = method.ReturnType;
        if (type == typeof(Task))
        {
            return static (returned, _) => WampHandlerBinding.AwaitAsync((Task)returned!);
        }

        if (type == typeof(ValueTask))
        {
            return static (returned, _) => WampHandlerBinding.AwaitAsync((ValueTask)returned!);
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            var await = typeof(RuntimeHandlerBinder).GetMethod(
                type.GetGenericTypeDefinition() == typeof(Task<>) ? nameof(AwaitTaskOf) : nameof(AwaitValueTaskOf), BindingFlags.NonPublic | BindingFlags.Static)!;
            return await.MakeGenericMethod(type.GetGenericArguments()[0]).CreateDelegate<Func<object?, WampHandlerContext, ValueTask<object?>>>();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            return isTopic
                ? throw new InvalidOperationException($"{handlerType.Name}.{method.Name} ('{uri}') handles events and cannot return IAsyncEnumerable.")
                : typeof(RuntimeHandlerBinder).GetMethod(nameof(StreamOf), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(type.GetGenericArguments()[0]).CreateDelegate<Func<object?, WampHandlerContext, ValueTask<object?>>>();
        }

        if (isTopic && type != typeof(void))
        {
            throw new InvalidOperationException(
                $"{handlerType.Name}.{method.Name} ('{uri}') handles events and must return void, Task or ValueTask; it returns {type.Name}.");
        }

        return null;
    }

    private static ValueTask<object?> AwaitTaskOf<T>(object? returned, WampHandlerContext context) => WampHandlerBinding.AwaitAsync((Task<T>)returned!);

    private static ValueTask<object?> AwaitValueTaskOf<T>(object? returned, WampHandlerContext context) => WampHandlerBinding.AwaitAsync((ValueTask<T>)returned!);

    private static ValueTask<object?> StreamOf<T>(object? returned, WampHandlerContext context) => WampHandlerBinding.StreamAsync((IAsyncEnumerable<T>)returned!, context);

    private static bool IsObject(Type type) =>
        (type.IsClass && type != typeof(string) && type != typeof(byte[]) && !type.IsArray && type != typeof(object)
        && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)) || type == typeof(JsonElement);

    private static bool IsNullable(ParameterInfo parameter)
    {
        if (parameter.ParameterType.IsValueType)
        {
            return Nullable.GetUnderlyingType(parameter.ParameterType) is not null;
        }

        return new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable;
    }

    [RequiresUnreferencedCode(Requirements)]
    [RequiresDynamicCode(Requirements)]
    private static object? DefaultOf(ParameterInfo parameter)
    {
        var value = parameter.DefaultValue;
        if (value is DBNull or Missing || value is null)
        {
            return parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;
        }

        return value;
    }

    private static InvalidOperationException Unbindable(ParameterInfo parameter, string uri, string reason) =>
        new($"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name} ('{uri}') cannot be bound: {reason}.");
}
