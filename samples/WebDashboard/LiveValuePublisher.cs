using Wampy;

namespace WebDashboard;

/// <summary>
/// Publishes a live value (a random walk, like a sensor reading) to <see cref="Topic"/> every second; the page in
/// wwwroot subscribes to it and draws it.
/// </summary>
public sealed partial class LiveValuePublisher(IWampClient wamp, TimeProvider clock, IConfiguration configuration, ILogger<LiveValuePublisher> logger)
    : BackgroundService
{
    /// <summary>The topic the value is published to.</summary>
    public const string Topic = "com.example.dashboard.value";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = configuration.GetValue("Dashboard:Period", TimeSpan.FromSeconds(1));
        using var timer = new PeriodicTimer(period, clock);
        var value = 20.0;
        var sequence = 0L;
        do
        {
            try
            {
                await wamp.WaitUntilConnectedAsync(stoppingToken);
                value = Math.Round(Math.Clamp(value + (Random.Shared.NextDouble() - 0.5) * 2, 0, 40), 2);
                sequence++;
                await wamp.PublishAsync(
                    Topic,
                    argumentsKw: new Dictionary<string, object?> { ["seq"] = sequence, ["value"] = value, ["time"] = clock.GetUtcNow().ToString("O") },
                    cancellationToken: stoppingToken);
            }
            catch (Exception ex) when (ex is WampException or WampConnectionException or WampTimeoutException)
            {
                LogFailure(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Publishing the live value failed: {Message}")]
    private static partial void LogFailure(ILogger logger, string message);
}
