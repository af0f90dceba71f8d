namespace Wampy;

/// <summary>Options of one registration.</summary>
public sealed class RegisterOptions
{
    /// <summary>Further REGISTER options sent as-is (for router extensions).</summary>
    public IReadOnlyDictionary<string, object?>? AdditionalOptions { get; set; }
}
