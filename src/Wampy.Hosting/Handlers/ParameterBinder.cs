using System.Reflection;
using System.Text.Json;
using Wampy.Payload;

namespace Wampy.Hosting.Handlers;

/// <summary>
/// Binds one handler parameter, planned once at start-up: positional argument by position, else keyword argument
/// by name (exact, case-insensitive or snake_case), else the parameter's default, else (for the only data
/// parameter, when it is an object) the keyword arguments as a whole. Special parameters get the
/// <see cref="CancellationToken"/>, the <see cref="WampInvocation"/> or the <see cref="WampEvent"/>.
/// </summary>
internal sealed class ParameterBinder
{
    private static readonly MethodInfo ArgumentOfT = typeof(ParameterBinder).GetMethod(nameof(Argument), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo KeywordOfT = typeof(ParameterBinder).GetMethod(nameof(Keyword), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo KeywordsOfT = typeof(ParameterBinder).GetMethod(nameof(Keywords), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<HandlerContext, object?> _bind;

    private ParameterBinder(Func<HandlerContext, object?> bind) => _bind = bind;

    /// <summary>Whether the parameter takes a positional argument (not a special parameter).</summary>
    public bool IsData { get; private init; }

    public object? Bind(in HandlerContext context) => _bind(context);

    private static readonly MethodInfo ProgressOfT = typeof(ParameterBinder).GetMethod(nameof(Progress), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Whether a parameter of this type is filled by Wampy rather than from a WAMP argument.</summary>
    public static bool IsSpecial(Type type) =>
        type == typeof(CancellationToken) || type == typeof(WampInvocation) || type == typeof(WampEvent) ||
        (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IProgress<>));

    public static ParameterBinder Create(ParameterInfo parameter, int position, bool onlyDataParameter, bool forEvents, string uri)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return new ParameterBinder(static c => c.CancellationToken);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IProgress<>))
        {
            return forEvents
                ? throw Unbindable(parameter, uri, "a topic handler cannot report progress")
                : new ParameterBinder(ProgressOfT.MakeGenericMethod(type.GetGenericArguments()[0]).CreateDelegate<Func<HandlerContext, object?>>());
        }

        if (type == typeof(WampInvocation))
        {
            return forEvents
                ? throw Unbindable(parameter, uri, "a topic handler receives WampEvent, not WampInvocation")
                : new ParameterBinder(static c => c.Invocation);
        }

        if (type == typeof(WampEvent))
        {
            return forEvents
                ? new ParameterBinder(static c => c.Event)
                : throw Unbindable(parameter, uri, "a procedure handler receives WampInvocation, not WampEvent");
        }

        if (type.IsByRef || type.IsPointer || parameter.IsOut)
        {
            throw Unbindable(parameter, uri, "ref, out and pointer parameters cannot come from WAMP arguments");
        }

        var name = parameter.Name!;
        var snake = ToSnakeCase(name);
        var argument = ArgumentOfT.MakeGenericMethod(type).CreateDelegate<Func<WampArguments, int, object?>>();
        var keyword = KeywordOfT.MakeGenericMethod(type).CreateDelegate<Func<WampKeywordArguments, string, object?>>();
        var keywords = onlyDataParameter && IsObject(type)
            ? KeywordsOfT.MakeGenericMethod(type).CreateDelegate<Func<WampKeywordArguments, object?>>()
            : null;
        var hasDefault = parameter.HasDefaultValue;
        var defaultValue = hasDefault ? DefaultOf(parameter) : null;
        var nullable = IsNullable(parameter);
        var description = $"Parameter '{name}' ({type.Name}) of '{uri}'";

        return new ParameterBinder(c =>
        {
            if (c.Arguments.Count > position)
            {
                return argument(c.Arguments, position);
            }

            if (c.ArgumentsKw.Count > 0)
            {
                if (FindKeyword(c.ArgumentsKw, name, snake) is { } key)
                {
                    return keyword(c.ArgumentsKw, key);
                }

                if (keywords is not null && c.Arguments.Count == 0)
                {
                    return keywords(c.ArgumentsKw);
                }
            }

            if (hasDefault)
            {
                return defaultValue;
            }

            return nullable
                ? null
                : throw new WampPayloadBindingException(
                    $"{description} is missing: pass it as positional argument {position} or as keyword argument '{name}'.");
        })
        { IsData = true };
    }

    private static string? FindKeyword(WampKeywordArguments kwargs, string name, string snake)
    {
        if (kwargs.ContainsKey(name))
        {
            return name;
        }

        if (snake != name && kwargs.ContainsKey(snake))
        {
            return snake;
        }

        foreach (var key in kwargs.Keys)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }

    private static object? Argument<T>(WampArguments arguments, int index) => arguments.Get<T>(index);

    private static object? Keyword<T>(WampKeywordArguments arguments, string name) => arguments.Get<T>(name);

    private static object? Keywords<T>(WampKeywordArguments arguments) => arguments.As<T>();

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

    private static object? DefaultOf(ParameterInfo parameter)
    {
        var value = parameter.DefaultValue;
        if (value is DBNull or Missing || value is null)
        {
            return parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;
        }

        return value;
    }

    private static string ToSnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    internal static InvalidOperationException Unbindable(ParameterInfo parameter, string uri, string reason) =>
        new($"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name} ('{uri}') cannot be bound: {reason}.");

    /// <summary>An IProgress&lt;T&gt; parameter: each report is a progressive result, sent when the caller asked for progress.</summary>
    private static object? Progress<T>(HandlerContext context) => new InvocationProgress<T>(context.Invocation);

    private sealed class InvocationProgress<T>(WampInvocation? invocation) : IProgress<T>
    {
        public void Report(T value) => invocation?.ReportProgress(WampResult.FromValue(value));
    }
}
