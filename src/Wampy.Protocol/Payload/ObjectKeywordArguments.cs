using System.Text.Json;
using Wampy.Serialization.Json;

namespace Wampy.Payload;

/// <summary>
/// Keyword arguments made of an application object (a POCO or anonymous type) whose JSON form is an object.
/// The object is written as-is when sent; reading an entry converts it to JSON once.
/// </summary>
internal sealed class ObjectKeywordArguments(object value) : WampKeywordArguments
{
    private JsonElement? _element;

    public override int Count
    {
        get
        {
            var count = 0;
            foreach (var _ in Element.EnumerateObject())
            {
                count++;
            }

            return count;
        }
    }

    public override IEnumerable<string> Keys
    {
        get
        {
            foreach (var property in Element.EnumerateObject())
            {
                yield return property.Name;
            }
        }
    }

    private JsonElement Element
    {
        get
        {
            if (_element is null)
            {
                var element = JsonSerializer.SerializeToElement(value, WampJsonConvert.TypeInfo(WampJsonConvert.DefaultOptions, value.GetType()));
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidOperationException(
                        $"Keyword arguments must serialize to a JSON object; {value.GetType().Name} serializes to {element.ValueKind}.");
                }

                _element = element;
            }

            return _element.Value;
        }
    }

    internal override bool IsKnownEmpty => false;

    public override bool ContainsKey(string name) => Element.TryGetProperty(name, out _);

    private protected override T GetCore<T>(string name) =>
        Element.GetProperty(name).Deserialize(WampJsonConvert.TypeInfo<T>(WampJsonConvert.DefaultOptions))!;

    private protected override T AsCore<T>() => value is T same ? same : Element.Deserialize(WampJsonConvert.TypeInfo<T>(WampJsonConvert.DefaultOptions))!;

    internal override object GetRawValue() => value;
}
