using Wampy.Payload;

namespace Wampy;

/// <summary>Options of one call.</summary>
public sealed class CallOptions
{
    /// <summary>
    /// Client-side timeout: the call fails with <see cref="WampTimeoutException"/> after it, whatever the router does,
    /// and the router is sent CANCEL (with <see cref="CancelMode"/>). <see langword="null"/> uses
    /// <see cref="WampClientOptions.DefaultCallTimeout"/>.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// A timeout for the router to enforce (CALL option <c>timeout</c>), sent in milliseconds as the spec says, or in
    /// seconds when <see cref="WampClientOptions.RouterTimeoutInSeconds"/> is set (Crossbar.io and Autobahn read seconds).
    /// Not sent when <see langword="null"/> (default). The client-side <see cref="Timeout"/> holds either way.
    /// </summary>
    public TimeSpan? RouterTimeout { get; set; }

    /// <summary>How the call is canceled when the caller's token fires or the timeout elapses. Default <see cref="WampCancelMode.KillNoWait"/>.</summary>
    public WampCancelMode CancelMode { get; set; }

    /// <summary>Ask the router to tell the callee who calls (<c>disclose_me</c>); it may refuse.</summary>
    public bool DiscloseMe { get; set; }

    /// <summary>Further CALL options sent as-is (for router extensions).</summary>
    public IReadOnlyDictionary<string, object?>? AdditionalOptions { get; set; }

    internal IReadOnlyDictionary<string, object?> ToWire(bool routerTimeoutInSeconds, bool receiveProgress)
    {
        var options = new WampOptionsBuilder(AdditionalOptions);
        if (RouterTimeout is { } timeout)
        {
            options.Add("timeout", routerTimeoutInSeconds ? (long)Math.Ceiling(timeout.TotalSeconds) + 1 : (long)Math.Ceiling(timeout.TotalMilliseconds));
        }

        options.AddIf(DiscloseMe, "disclose_me", true);
        options.AddIf(receiveProgress, "receive_progress", true);
        return options.Build();
    }
}
