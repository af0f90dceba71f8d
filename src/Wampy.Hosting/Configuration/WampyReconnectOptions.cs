namespace Wampy.Hosting;

/// <summary>
/// Reconnection: exponential backoff from <see cref="InitialDelay"/> by <see cref="BackoffFactor"/> up to
/// <see cref="MaxDelay"/>, with jitter, through a Polly v8 retry pipeline.
/// </summary>
public sealed class WampyReconnectOptions
{
    /// <summary>The delay before the first retry. Default 1 second.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How much each delay grows over the previous one. Default 2.</summary>
    public double BackoffFactor { get; set; } = 2.0;

    /// <summary>Randomize delays (up to ±25%) so that many clients do not reconnect in step. Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>How many attempts before giving up and stopping the host; <see langword="null"/> (the default) retries forever.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>
    /// Stop the host when the router refuses the session for authentication or authorization
    /// (instead of retrying with backoff). Default <see langword="false"/>.
    /// </summary>
    public bool StopOnAuthenticationFailure { get; set; }
}
