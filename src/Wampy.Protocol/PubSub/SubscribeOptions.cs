namespace Wampy;

/// <summary>Options of one subscription.</summary>
public sealed class SubscribeOptions
{
    /// <summary>Further SUBSCRIBE options sent as-is (for router extensions).</summary>
    public IReadOnlyDictionary<string, object?>? AdditionalOptions { get; set; }
}
