using Polly;
using Polly.Retry;

namespace Wampy.Hosting.Resilience;

/// <summary>
/// The Polly v8 pipeline every connection attempt goes through. The default retries transport failures, timeouts,
/// protocol violations and refusals (ABORT) with exponential backoff and jitter, never a hot loop; host shutdown
/// (<see cref="OperationCanceledException"/>) ends it. Replace it with <c>UseReconnectPipeline</c>.
/// </summary>
/// <param name="Pipeline">The pipeline.</param>
public sealed record WampyReconnectPipeline(ResiliencePipeline Pipeline)
{
    /// <summary>Builds the default pipeline from the reconnect settings.</summary>
    /// <param name="options">Backoff settings.</param>
    /// <param name="onRetry">Called before each wait (for logging), with the attempt number, the delay and the error.</param>
    /// <returns>The pipeline.</returns>
    public static WampyReconnectPipeline CreateDefault(WampyReconnectOptions options, Action<int, TimeSpan, Exception?>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retry = new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<WampConnectionException>()
                .Handle<WampException>(ex => !(options.StopOnAuthenticationFailure && IsAuthenticationFailure(ex)))
                .Handle<TimeoutException>()
                .Handle<IOException>(),
            MaxRetryAttempts = options.MaxAttempts is { } max ? Math.Max(0, max - 1) : int.MaxValue,
            DelayGenerator = args => new ValueTask<TimeSpan?>(Backoff(options, args.AttemptNumber)),
            OnRetry = args =>
            {
                onRetry?.Invoke(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                return default;
            },
        };
        return new WampyReconnectPipeline(new ResiliencePipelineBuilder().AddRetry(retry).Build());
    }

    /// <summary>The delay before retry <paramref name="attempt"/> (0-based): initial × factor^attempt, capped, with ±25% jitter.</summary>
    /// <param name="options">Backoff settings.</param>
    /// <param name="attempt">The retry number, from 0.</param>
    /// <returns>The delay.</returns>
    public static TimeSpan Backoff(WampyReconnectOptions options, int attempt)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ms = options.InitialDelay.TotalMilliseconds * Math.Pow(options.BackoffFactor, Math.Min(attempt, 64));
        ms = Math.Min(ms, options.MaxDelay.TotalMilliseconds);
        if (options.UseJitter)
        {
            ms *= 0.75 + (Random.Shared.NextDouble() * 0.5);
        }

        return TimeSpan.FromMilliseconds(Math.Max(ms, 1));
    }

    /// <summary>Whether the router refused the session for credentials or permissions.</summary>
    /// <param name="exception">The error.</param>
    /// <returns><see langword="true"/> for authentication and authorization refusals.</returns>
    public static bool IsAuthenticationFailure(Exception exception) =>
        exception is WampException { Error: WampErrorUris.AuthenticationFailed or WampErrorUris.NotAuthorized or WampErrorUris.NoAuthMethod or WampErrorUris.NoSuchRole };
}
