using System.Text.Json;

namespace Wampy.Cli;

/// <summary>Command-line values to WAMP payloads and WAMP payloads to JSON text.</summary>
internal static class Payloads
{
    /// <summary>Each argument is JSON when it parses as JSON (<c>42</c>, <c>true</c>, <c>"text"</c>, <c>[1,2]</c>, <c>{"a":1}</c>), else a string.</summary>
    public static object?[] Arguments(string[]? values) =>
        values is null ? [] : Array.ConvertAll(values, static v => (object?)Value(v));

    /// <summary>Keyword arguments from <c>--kw key=value</c> (values parsed like arguments) and a <c>--json</c> object; --kw wins.</summary>
    public static Dictionary<string, object?>? KeywordArguments(string[]? pairs, string? json)
    {
        Dictionary<string, object?>? result = null;
        if (!string.IsNullOrEmpty(json))
        {
            using var document = ParseJson(json, "--json");
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"--json must be a JSON object; got {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            }

            result = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        }

        foreach (var pair in pairs ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--kw '{pair}' is not key=value.");
            }

            result ??= [];
            result[pair[..equals]] = Value(pair[(equals + 1)..]);
        }

        return result;
    }

    /// <summary>Parses a required JSON value (for <c>--return</c>), with a clear error.</summary>
    public static JsonElement Json(string text, string what)
    {
        using var document = ParseJson(text, what);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// A result as JSON: its single positional value when that is all it has, else <c>{"args":[...],"kwargs":{...}}</c>;
    /// always the latter with <paramref name="full"/> (<c>--full</c>: one shape for scripts).
    /// </summary>
    public static string Format(WampResult result, bool full = false) =>
        full ? Format(result.Arguments, result.ArgumentsKw, EmptyExtra) : Format(result.Arguments, result.ArgumentsKw, extra: null);

    private static readonly IReadOnlyDictionary<string, object?> EmptyExtra = new Dictionary<string, object?>();

    /// <summary>A payload as one JSON object line, with extra leading properties (topic, procedure, publisher).</summary>
    public static string Format(Wampy.Payload.WampArguments args, Wampy.Payload.WampKeywordArguments kwargs, IReadOnlyDictionary<string, object?>? extra)
    {
        if (extra is null && args.Count == 1 && kwargs.Count == 0)
        {
            using var single = JsonDocument.Parse(args.ToString());
            return single.RootElement[0].GetRawText();
        }

        var prefix = extra is null ? string.Empty : string.Concat(extra.Select(p => $"{JsonSerializer.Serialize(p.Key)}:{JsonSerializer.Serialize(p.Value)},"));
        return $"{{{prefix}\"args\":{args},\"kwargs\":{(kwargs.Count == 0 ? "{}" : kwargs.ToString())}}}";
    }

    private static object? Value(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static JsonDocument ParseJson(string text, string what)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{what} is not valid JSON: {ex.Message}", ex);
        }
    }
}
