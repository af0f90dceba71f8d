namespace Wampy;

/// <summary>Options of one call.</summary>
public sealed class CallOptions
{
    /// <summary>
    /// How long the caller waits for the result before the call fails with <see cref="TimeoutException"/>.
    /// Enforced by the client whatever the router does. <see langword="null"/> uses
    /// <see cref="WampClientOptions.DefaultCallTimeout"/>.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Further CALL options sent as-is (for router extensions).</summary>
    public IReadOnlyDictionary<string, object?>? AdditionalOptions { get; set; }
}
