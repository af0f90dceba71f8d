using System.ComponentModel;
using Wampy.Payload;

namespace Wampy.Hosting;

/// <summary>
/// Parameter binding and result handling for handler methods, shared by the code Wampy's source generator writes and
/// by the start-up binder, so that both bind alike: positional argument by position, else keyword argument by name
/// (exact, snake_case, then case-insensitive), else the parameter's default, else (for the only data parameter, when
/// it is an object) the keyword arguments as a whole.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WampHandlerBinding
{
    /// <summary>Binds a parameter that has a value when the caller gives none: <see langword="false"/> when none was given.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="context">What the parameters bind from.</param>
    /// <param name="parameter">The parameter.</param>
    /// <param name="value">The bound value.</param>
    /// <returns>Whether the caller gave the argument.</returns>
    /// <exception cref="WampPayloadBindingException">The argument does not convert to <typeparamref name="T"/>.</exception>
    public static bool TryBind<T>(in WampHandlerContext context, WampHandlerParameter parameter, out T value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (context.Arguments.Count > parameter.Position)
        {
            value = context.Arguments.Get<T>(parameter.Position);
            return true;
        }

        if (context.ArgumentsKw.Count > 0)
        {
            if (FindKeyword(context.ArgumentsKw, parameter) is { } key)
            {
                value = context.ArgumentsKw.Get<T>(key);
                return true;
            }

            if (parameter.BindsWholeKeywordArguments && context.Arguments.Count == 0)
            {
                value = context.ArgumentsKw.As<T>();
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Binds a parameter without a default: <see langword="null"/> when nullable and missing.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="context">What the parameters bind from.</param>
    /// <param name="parameter">The parameter.</param>
    /// <returns>The bound value.</returns>
    /// <exception cref="WampPayloadBindingException">The argument is missing or does not convert.</exception>
    public static T Bind<T>(in WampHandlerContext context, WampHandlerParameter parameter)
    {
        if (TryBind<T>(context, parameter, out var value))
        {
            return value;
        }

        return parameter.IsNullable ? default! : throw Missing(parameter);
    }

    /// <summary>The error for a missing argument.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <returns>The exception to throw.</returns>
    public static WampPayloadBindingException Missing(WampHandlerParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new WampPayloadBindingException(
            $"Parameter '{parameter.Name}' ({parameter.TypeName}) of '{parameter.Uri}' is missing: pass it as positional argument {parameter.Position} or as keyword argument '{parameter.Name}'.");
    }

    /// <summary>Refuses more positional arguments than the method has data parameters.</summary>
    /// <param name="context">What the parameters bind from.</param>
    /// <param name="dataParameters">How many data parameters the method has.</param>
    /// <param name="uri">The procedure or topic.</param>
    /// <exception cref="WampPayloadBindingException">There are more.</exception>
    public static void CheckArgumentCount(in WampHandlerContext context, int dataParameters, string uri)
    {
        if (context.Arguments.Count > dataParameters)
        {
            throw new WampPayloadBindingException(
                $"'{uri}' takes {dataParameters} positional argument(s); {context.Arguments.Count} were given.");
        }
    }

    /// <summary>Awaits a handler's <see cref="Task"/>; no result.</summary>
    /// <param name="task">What the handler returned.</param>
    /// <returns><see langword="null"/>.</returns>
    public static async ValueTask<object?> AwaitAsync(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        await task.ConfigureAwait(false);
        return null;
    }

    /// <summary>Awaits a handler's <see cref="ValueTask"/>; no result.</summary>
    /// <param name="task">What the handler returned.</param>
    /// <returns><see langword="null"/>.</returns>
    public static async ValueTask<object?> AwaitAsync(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    /// <summary>Awaits a handler's <see cref="Task{TResult}"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">What the handler returned.</param>
    /// <returns>The result.</returns>
    public static async ValueTask<object?> AwaitAsync<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Awaits a handler's <see cref="ValueTask{TResult}"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">What the handler returned.</param>
    /// <returns>The result.</returns>
    public static async ValueTask<object?> AwaitAsync<T>(ValueTask<T> task) => await task.ConfigureAwait(false);

    /// <summary>An <see cref="IProgress{T}"/> parameter: each report is a progressive result, sent when the caller asked for progress.</summary>
    /// <typeparam name="T">The progress item type.</typeparam>
    /// <param name="context">The invocation's context.</param>
    /// <returns>The progress reporter.</returns>
    public static IProgress<T> Progress<T>(in WampHandlerContext context) => new InvocationProgress<T>(context.Invocation);

    /// <summary>
    /// A handler returning <see cref="IAsyncEnumerable{T}"/> streams progressive results: every item but the last is
    /// sent as progress (when the caller asked for it), the last one is the final result; no item gives an empty result.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">What the handler returned.</param>
    /// <param name="context">The invocation's context.</param>
    /// <returns>The final result.</returns>
    public static async ValueTask<object?> StreamAsync<T>(IAsyncEnumerable<T> items, WampHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        var hasPrevious = false;
        T previous = default!;
        await foreach (var item in items.WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            if (hasPrevious)
            {
                context.Invocation?.ReportProgress(WampResult.FromValue(previous));
            }

            previous = item;
            hasPrevious = true;
        }

        return hasPrevious ? WampResult.FromValue(previous) : WampResult.Empty;
    }

    private static string? FindKeyword(WampKeywordArguments kwargs, WampHandlerParameter parameter)
    {
        if (kwargs.ContainsKey(parameter.Name))
        {
            return parameter.Name;
        }

        if (parameter.SnakeCaseName != parameter.Name && kwargs.ContainsKey(parameter.SnakeCaseName))
        {
            return parameter.SnakeCaseName;
        }

        foreach (var key in kwargs.Keys)
        {
            if (string.Equals(key, parameter.Name, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }

    private sealed class InvocationProgress<T>(WampInvocation? invocation) : IProgress<T>
    {
        public void Report(T value) => invocation?.ReportProgress(WampResult.FromValue(value));
    }
}
