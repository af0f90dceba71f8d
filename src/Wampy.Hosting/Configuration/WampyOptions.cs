namespace Wampy.Hosting;

/// <summary>
/// Settings of the hosted client, usually bound from the <c>Wampy</c> section of appsettings.json: every setting of
/// <see cref="WampClientOptions"/> (<c>Url</c>, <c>Realm</c>, <c>Authentication</c>, <c>Reconnect</c>,
/// <c>Heartbeat</c>, <c>Tls</c>, …) plus the hosting-only keys below. Validated when the host starts; each message
/// names the configuration key at fault.
/// </summary>
public sealed class WampyOptions : WampClientOptions
{
    /// <summary>The configuration section Wampy binds by default: <c>Wampy</c>.</summary>
    public const string SectionName = "Wampy";

    /// <summary>How handler procedures are registered: the default invocation policy shared by replicas.</summary>
    public WampyRegistrationOptions Registration { get; set; } = new();

    /// <summary>How long shutdown lets in-flight handlers finish before cancelling them. Default 10 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Make host start-up wait for the first successful join with every handler bound (and fail if
    /// <see cref="WampClientOptions.ConnectTimeout"/> passes). Default <see langword="false"/>: the host starts at
    /// once and the client joins in the background.
    /// </summary>
    public bool WaitForConnectionAtStartup { get; set; }
}
