using System.Text.Json;
using Wampy.Serialization.Json;

namespace Wampy.Payload;

/// <summary>
/// The keyword arguments (<c>ArgumentsKw|dict</c>) of a WAMP message. Received keyword arguments stay encoded
/// until read; each entry binds lazily to the type asked for, and the whole dictionary binds to a POCO with
/// <see cref="As{T}"/>. Keyword arguments created with <see cref="From(object)"/> hold .NET values.
/// </summary>
public abstract class WampKeywordArguments
{
    /// <summary>Keyword arguments with no entry.</summary>
    public static WampKeywordArguments Empty { get; } = new ValueKeywordArguments(WampDictionary.Empty);

    /// <summary>
    /// Wraps a .NET value as keyword arguments: a dictionary with string keys, or any object whose JSON form
    /// is an object (a POCO with System.Text.Json attributes, an anonymous type).
    /// </summary>
    /// <param name="value">The dictionary or object, serialized when the message is sent.</param>
    /// <returns>The keyword arguments.</returns>
    public static WampKeywordArguments From(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            WampKeywordArguments kw => kw,
            IReadOnlyDictionary<string, object?> dictionary => new ValueKeywordArguments(dictionary),
            IDictionary<string, object?> dictionary => new ValueKeywordArguments(dictionary.AsReadOnly()),
            _ => new ObjectKeywordArguments(value),
        };
    }

    /// <summary>The number of entries.</summary>
    public abstract int Count { get; }

    /// <summary>The entry names.</summary>
    public abstract IEnumerable<string> Keys { get; }

    /// <summary>Whether an entry named <paramref name="name"/> exists.</summary>
    /// <param name="name">The keyword.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public abstract bool ContainsKey(string name);

    /// <summary>Binds the entry named <paramref name="name"/> to <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to bind to.</typeparam>
    /// <param name="name">The keyword.</param>
    /// <returns>The bound value.</returns>
    /// <exception cref="WampPayloadBindingException">There is no such entry, or it does not fit <typeparamref name="T"/>.</exception>
    public T Get<T>(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ContainsKey(name))
        {
            throw new WampPayloadBindingException($"Keyword argument '{name}' of type {typeof(T).Name} is missing.");
        }

        try
        {
            return GetCore<T>(name);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            throw new WampPayloadBindingException($"Keyword argument '{name}' cannot be bound to {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Binds the entry named <paramref name="name"/> if it exists and fits <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to bind to.</typeparam>
    /// <param name="name">The keyword.</param>
    /// <param name="value">The bound value, or the default when this returns <see langword="false"/>.</param>
    /// <returns>Whether the entry exists and could be bound.</returns>
    public bool TryGet<T>(string name, out T value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ContainsKey(name))
        {
            try
            {
                value = GetCore<T>(name);
                return true;
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException)
            {
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Binds the whole dictionary to <typeparamref name="T"/> (a POCO, a dictionary, <see cref="JsonElement"/>).</summary>
    /// <typeparam name="T">The type to bind to.</typeparam>
    /// <returns>The bound value.</returns>
    /// <exception cref="WampPayloadBindingException">The keyword arguments do not fit <typeparamref name="T"/>.</exception>
    public T As<T>()
    {
        try
        {
            return AsCore<T>();
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            throw new WampPayloadBindingException($"Keyword arguments cannot be bound to {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>The keyword arguments as JSON text, for logs and tools.</summary>
    /// <returns>A JSON object.</returns>
    public override string ToString() => WampJsonText.Format(this);

    /// <summary>Binds one entry; the entry is known to exist.</summary>
    /// <typeparam name="T">The type to bind to.</typeparam>
    /// <param name="name">The keyword.</param>
    /// <returns>The bound value.</returns>
    private protected abstract T GetCore<T>(string name);

    /// <summary>Binds the whole dictionary.</summary>
    /// <typeparam name="T">The type to bind to.</typeparam>
    /// <returns>The bound value.</returns>
    private protected abstract T AsCore<T>();

    /// <summary>Whether there is certainly no entry, without converting anything (writers omit empty keyword arguments).</summary>
    internal abstract bool IsKnownEmpty { get; }

    /// <summary>About how many bytes the payload takes: its encoded length when it was received encoded, else an estimate.</summary>
    internal virtual int ApproximateSize => 16 * Count;

    /// <summary>The keyword arguments as a plain .NET value (dictionary, POCO) or <see cref="JsonElement"/>, for writing.</summary>
    /// <returns>The value.</returns>
    internal abstract object GetRawValue();
}
