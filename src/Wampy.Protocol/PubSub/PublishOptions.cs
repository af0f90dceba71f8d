using Wampy.Payload;

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

    /// <summary>Sessions that must not receive the event (<c>exclude</c>).</summary>
    public IReadOnlyCollection<long>? Exclude { get; set; }

    /// <summary>The only sessions that may receive the event (<c>eligible</c>).</summary>
    public IReadOnlyCollection<long>? Eligible { get; set; }

    /// <summary>Authids whose sessions must not receive the event (<c>exclude_authid</c>).</summary>
    public IReadOnlyCollection<string>? ExcludeAuthIds { get; set; }

    /// <summary>The only authids whose sessions may receive the event (<c>eligible_authid</c>).</summary>
    public IReadOnlyCollection<string>? EligibleAuthIds { get; set; }

    /// <summary>Authroles whose sessions must not receive the event (<c>exclude_authrole</c>).</summary>
    public IReadOnlyCollection<string>? ExcludeAuthRoles { get; set; }

    /// <summary>The only authroles whose sessions may receive the event (<c>eligible_authrole</c>).</summary>
    public IReadOnlyCollection<string>? EligibleAuthRoles { get; set; }

    /// <summary>Ask the broker to tell subscribers who published (<c>disclose_me</c>); it may refuse.</summary>
    public bool DiscloseMe { get; set; }

    /// <summary>Ask the broker to keep this event for subscribers that subscribe later with <see cref="SubscribeOptions.GetRetained"/> (<c>retain</c>).</summary>
    public bool Retain { get; set; }

    /// <summary>Further PUBLISH options sent as-is (for router extensions).</summary>
    public IReadOnlyDictionary<string, object?>? AdditionalOptions { get; set; }

    internal IReadOnlyDictionary<string, object?> ToWire()
    {
        var options = new WampOptionsBuilder(AdditionalOptions);
        options.AddIf(Acknowledge, "acknowledge", true);
        options.AddIf(ExcludeMe is not null, "exclude_me", ExcludeMe);
        options.AddList("exclude", Exclude);
        options.AddList("eligible", Eligible);
        options.AddList("exclude_authid", ExcludeAuthIds);
        options.AddList("eligible_authid", EligibleAuthIds);
        options.AddList("exclude_authrole", ExcludeAuthRoles);
        options.AddList("eligible_authrole", EligibleAuthRoles);
        options.AddIf(DiscloseMe, "disclose_me", true);
        options.AddIf(Retain, "retain", true);
        return options.Build();
    }
}
