namespace Wampy.Hosting;

/// <summary>
/// Authentication settings (<c>Wampy:Authentication</c>). Keep secrets out of appsettings.json: bind them from
/// environment variables or a secret store. They never appear in logs or <see cref="object.ToString"/>.
/// </summary>
public sealed class WampyAuthenticationOptions
{
    /// <summary>The method: <c>anonymous</c> (default when empty) or <c>ticket</c>.</summary>
    public string? Method { get; set; }

    /// <summary>The authid announced in HELLO.</summary>
    public string? AuthId { get; set; }

    /// <summary>The authrole requested in HELLO.</summary>
    public string? AuthRole { get; set; }

    /// <summary>The ticket for <c>ticket</c> authentication. A secret.</summary>
    public string? Ticket { get; set; }

    /// <summary>Hides the secrets.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() =>
        $"WampyAuthenticationOptions {{ Method = {Method ?? "anonymous"}, AuthId = {AuthId}, AuthRole = {AuthRole}, Ticket = {(Ticket is null ? "(none)" : "***")} }}";
}
