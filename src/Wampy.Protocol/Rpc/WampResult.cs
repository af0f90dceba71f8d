using Wampy.Payload;

namespace Wampy;

/// <summary>
/// The outcome of a call: what a callee returns and what a caller receives. Positional arguments, keyword
/// arguments and details; each part binds lazily to the types the reader asks for.
/// </summary>
public sealed class WampResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="arguments">Positional results; none when <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword results; none when <see langword="null"/>.</param>
    /// <param name="details">RESULT details or YIELD options; empty when <see langword="null"/>.</param>
    public WampResult(WampArguments? arguments = null, WampKeywordArguments? argumentsKw = null, IReadOnlyDictionary<string, object?>? details = null)
    {
        Arguments = arguments ?? WampArguments.Empty;
        ArgumentsKw = argumentsKw ?? WampKeywordArguments.Empty;
        Details = details ?? WampDictionary.Empty;
    }

    /// <summary>A result with nothing in it.</summary>
    public static WampResult Empty { get; } = new();

    /// <summary>Positional results (empty when there are none).</summary>
    public WampArguments Arguments { get; }

    /// <summary>Keyword results (empty when there are none).</summary>
    public WampKeywordArguments ArgumentsKw { get; }

    /// <summary>RESULT details (for a caller) or YIELD options (from a callee).</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>Whether this is a progressive result of a streamed call (details <c>progress</c>), not the final one.</summary>
    public bool IsProgress => Details.GetBoolean("progress") == true;

    /// <summary>A result holding one value as its only positional argument.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static WampResult FromValue(object? value) => new(WampArguments.From(value));

    /// <summary>A result holding several positional values.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The result.</returns>
    public static WampResult FromValues(params object?[] values) => new(WampArguments.From(values));

    /// <summary>A result holding keyword values (a dictionary or an object serialized as one).</summary>
    /// <param name="argumentsKw">The keyword values.</param>
    /// <returns>The result.</returns>
    public static WampResult FromKeywords(object argumentsKw) => new(null, WampKeywordArguments.From(argumentsKw));

    /// <summary>
    /// Binds the result to <typeparamref name="T"/> the way wampy returns results: the first positional argument
    /// when there is one; otherwise the keyword arguments as a whole; otherwise the default value.
    /// </summary>
    /// <typeparam name="T">The type to bind to.</typeparam>
    /// <returns>The bound value.</returns>
    /// <exception cref="WampPayloadBindingException">The result does not fit <typeparamref name="T"/>.</exception>
    public T GetValue<T>()
    {
        if (Arguments.Count > 0)
        {
            return Arguments.Get<T>(0);
        }

        return ArgumentsKw.Count > 0 ? ArgumentsKw.As<T>() : default!;
    }
}
