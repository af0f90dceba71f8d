using System.Text.Json;
using Wampy.Serialization.Json;

namespace Wampy.Payload;

/// <summary>
/// The positional arguments (<c>Arguments|list</c>) of a WAMP message. Arguments received from the wire stay
/// encoded until read, and each element binds lazily to the type the reader asks for
/// (<see cref="Get{T}(int)"/>): primitives, POCOs with System.Text.Json attributes, arrays, dictionaries,
/// <see cref="JsonElement"/> and <see cref="byte"/>[]. Arguments created with <see cref="From"/> hold .NET values.
/// </summary>
public abstract class WampArguments
{
    /// <summary>Arguments with no element.</summary>
    public static WampArguments Empty { get; } = new ValueArguments([]);

    /// <summary>Wraps .NET values as positional arguments.</summary>
    /// <param name="values">The values, serialized when the message is sent.</param>
    /// <returns>The arguments.</returns>
    public static WampArguments From(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Length == 0 ? Empty : new ValueArguments(values);
    }

    /// <summary>The number of arguments.</summary>
    public abstract int Count { get; }

    /// <summary>Binds the argument at <paramref name="index"/> to <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to bind to.</typeparam>
    /// <param name="index">The zero-based position.</param>
    /// <returns>The bound value.</returns>
    /// <exception cref="WampPayloadBindingException">There is no such argument, or it does not fit <typeparamref name="T"/>.</exception>
    public T Get<T>(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new WampPayloadBindingException(
                $"Argument {index} of type {typeof(T).Name} is missing: the message has {Count} positional argument(s).");
        }

        try
        {
            return GetCore<T>(index);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            throw new WampPayloadBindingException(
                $"Argument {index} cannot be bound to {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Binds the argument at <paramref name="index"/> if it exists and fits <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to bind to.</typeparam>
    /// <param name="index">The zero-based position.</param>
    /// <param name="value">The bound value, or the default when this returns <see langword="false"/>.</param>
    /// <returns>Whether the argument exists and could be bound.</returns>
    public bool TryGet<T>(int index, out T value)
    {
        if ((uint)index < (uint)Count)
        {
            try
            {
                value = GetCore<T>(index);
                return true;
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException)
            {
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Binds every argument to <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <returns>The bound values, in order.</returns>
    public T[] ToArray<T>()
    {
        var result = new T[Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Get<T>(i);
        }

        return result;
    }

    /// <summary>The arguments as JSON text, for logs and tools.</summary>
    /// <returns>A JSON array.</returns>
    public override string ToString() => WampJsonText.Format(this);

    /// <summary>Binds one argument; the index is known to be valid.</summary>
    /// <typeparam name="T">The type to bind to.</typeparam>
    /// <param name="index">The zero-based position.</param>
    /// <returns>The bound value.</returns>
    private protected abstract T GetCore<T>(int index);

    /// <summary>Whether there is certainly no element, without scanning encoded bytes (writers omit empty arguments).</summary>
    internal abstract bool IsKnownEmpty { get; }

    /// <summary>About how many bytes the payload takes: its encoded length when it was received encoded, else an estimate.</summary>
    internal virtual int ApproximateSize => 16 * Count;

    /// <summary>The argument as a plain .NET value or <see cref="JsonElement"/>, for writing by any serializer.</summary>
    /// <param name="index">The zero-based position.</param>
    /// <returns>The value.</returns>
    internal abstract object? GetRawValue(int index);
}
