namespace Wampy;

/// <summary>Options of one publication.</summary>
public sealed class PublishOptions
{
    /// <summary>
    /// Ask the broker to acknowledge: <see cref="WampClient.PublishAsync"/> then waits for PUBLISHED (returning
    /// the publication id) or fails with the broker's error. Default <see langword="false"/>.
    /// </summary>
    public bool Acknowledge { get; set; }

    /// <summary>
    /// Whether the publisher's own subscriptions are left out. <see langword="null"/> leaves it to the
    /// router (the specification's default is <see langword="true"/>).
    /// </summary>
    public bool? ExcludeMe { get; set; }

    /// <summary>Further PUBLISH options sent as-is (for router extensions).</summary>
    public IReadOnlyDictionary<string, object?>? AdditionalOptions { get; set; }
}
