using Polly;

namespace Wampy;

/// <summary>
/// Keeping the session alive (<c>Wampy:Reconnect</c>): after the session is lost (transport drop, missed heartbeat,
/// router GOODBYE or ABORT) the client joins again with exponential backoff from <see cref="InitialDelay"/> by
/// <see cref="BackoffFactor"/> up to <see cref="MaxDelay"/>, with jitter, through a Polly v8 retry pipeline, and
/// restores every registration and subscription before it reports <see cref="WampClientState.Connected"/>.
/// </summary>
public sealed class WampReconnectOptions
{
    /// <summary>Join again after the session is lost. Default <see langword="true"/>; <see langword="false"/> makes a single-shot client.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Let <see cref="WampClient.ConnectAsync"/> retry the first connection with the same backoff instead of
    /// failing at the first error. Default <see langword="false"/> (Wampy.Hosting connects in the background and always retries).
    /// </summary>
    public bool RetryOnInitialConnect { get; set; }

    /// <summary>The delay before the first retry. Default 1 second.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How much each delay grows over the previous one. Default 2.</summary>
    public double BackoffFactor { get; set; } = 2.0;

    /// <summary>Randomize delays (up to ±25%) so that many clients do not reconnect in step. Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>How many attempts before giving up (the client becomes <see cref="WampClientState.Failed"/>); <see langword="null"/> (the default) retries forever.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>
    /// Give up when the router refuses the session for authentication or authorization (<c>authentication_failed</c>,
    /// <c>not_authorized</c>, <c>no_auth_method</c>, <c>no_such_role</c>) instead of retrying with backoff. Default <see langword="false"/>.
    /// </summary>
    public bool StopOnAuthenticationFailure { get; set; }

    /// <summary>
    /// Replaces the retry pipeline built from the settings above. It runs each connection attempt and should let
    /// <see cref="OperationCanceledException"/> through (the client is closing). Not bound from configuration.
    /// </summary>
    public ResiliencePipeline? Pipeline { get; set; }

    /// <summary>The delay before retry <paramref name="attempt"/> (0-based): initial × factor^attempt, capped at the maximum, with ±25% jitter when on.</summary>
    /// <param name="attempt">The retry number, from 0.</param>
    /// <returns>The delay.</returns>
    public TimeSpan GetDelay(int attempt)
    {
        var ms = InitialDelay.TotalMilliseconds * Math.Pow(BackoffFactor, Math.Min(Math.Max(attempt, 0), 64));
        ms = Math.Min(ms, MaxDelay.TotalMilliseconds);
        if (UseJitter)
        {
            ms *= 0.75 + (Random.Shared.NextDouble() * 0.5);
        }

        return TimeSpan.FromMilliseconds(Math.Max(ms, 1));
    }
}
