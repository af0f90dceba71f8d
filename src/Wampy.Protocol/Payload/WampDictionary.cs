using System.Collections.Frozen;

namespace Wampy.Payload;

/// <summary>
/// Helpers for the <c>Details</c> and <c>Options</c> dictionaries of WAMP messages. Values decoded from the
/// wire are plain .NET values: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="bool"/>, <see cref="byte"/>[], <see langword="null"/>, <c>object?[]</c> and nested dictionaries.
/// </summary>
public static class WampDictionary
{
    /// <summary>An empty, shared, read-only dictionary (what <c>{}</c> decodes to).</summary>
    public static IReadOnlyDictionary<string, object?> Empty { get; } = FrozenDictionary<string, object?>.Empty;

    /// <summary>Reads a string entry, or <see langword="null"/> when absent or not a string.</summary>
    /// <param name="dictionary">The details or options.</param>
    /// <param name="key">The key.</param>
    /// <returns>The string, or <see langword="null"/>.</returns>
    public static string? GetString(this IReadOnlyDictionary<string, object?>? dictionary, string key) =>
        dictionary is not null && dictionary.TryGetValue(key, out var value) ? value as string : null;

    /// <summary>Reads an integer entry, or <see langword="null"/> when absent or not an integer.</summary>
    /// <param name="dictionary">The details or options.</param>
    /// <param name="key">The key.</param>
    /// <returns>The integer, or <see langword="null"/>.</returns>
    public static long? GetInt64(this IReadOnlyDictionary<string, object?>? dictionary, string key) =>
        dictionary is not null && dictionary.TryGetValue(key, out var value) ? value switch
        {
            long l => l,
            int i => i,
            ulong u when u <= long.MaxValue => (long)u,
            _ => null,
        } : null;

    /// <summary>Reads a boolean entry, or <see langword="null"/> when absent or not a boolean.</summary>
    /// <param name="dictionary">The details or options.</param>
    /// <param name="key">The key.</param>
    /// <returns>The boolean, or <see langword="null"/>.</returns>
    public static bool? GetBoolean(this IReadOnlyDictionary<string, object?>? dictionary, string key) =>
        dictionary is not null && dictionary.TryGetValue(key, out var value) && value is bool b ? b : null;

    /// <summary>Reads a nested dictionary entry, or <see langword="null"/> when absent or not a dictionary.</summary>
    /// <param name="dictionary">The details or options.</param>
    /// <param name="key">The key.</param>
    /// <returns>The nested dictionary, or <see langword="null"/>.</returns>
    public static IReadOnlyDictionary<string, object?>? GetDictionary(this IReadOnlyDictionary<string, object?>? dictionary, string key) =>
        dictionary is not null && dictionary.TryGetValue(key, out var value) ? value as IReadOnlyDictionary<string, object?> : null;
}
