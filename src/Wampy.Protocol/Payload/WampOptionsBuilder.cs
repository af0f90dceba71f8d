namespace Wampy.Payload;

/// <summary>Builds the options dictionary of a request: typed options over additional ones; nothing set gives the shared empty dictionary.</summary>
internal struct WampOptionsBuilder(IReadOnlyDictionary<string, object?>? additional)
{
    private Dictionary<string, object?>? _options;

    public void Add(string key, object? value)
    {
        if (_options is null)
        {
            _options = [];
            foreach (var (k, v) in additional ?? WampDictionary.Empty)
            {
                _options[k] = v;
            }
        }

        _options[key] = value;
    }

    public void AddIf(bool condition, string key, object? value)
    {
        if (condition)
        {
            Add(key, value);
        }
    }

    public void AddList<T>(string key, IReadOnlyCollection<T>? values)
    {
        if (values is not null)
        {
            Add(key, values.Select(v => (object?)v).ToArray());
        }
    }

    public readonly IReadOnlyDictionary<string, object?> Build() => _options ?? additional ?? WampDictionary.Empty;
}
