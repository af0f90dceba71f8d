using Wampy;
using Wampy.Hosting;

namespace WorkerService;

/// <summary>Calls the sample's procedures and publishes to "foo" every few seconds, logging what comes back.</summary>
public sealed partial class DemoJob(IWampClient wamp, IConfiguration configuration, ILogger<DemoJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = configuration.GetValue("DemoJob:Period", TimeSpan.FromSeconds(3));
        using var timer = new PeriodicTimer(period);
        var round = 0;
        do
        {
            try
            {
                await wamp.WaitUntilConnectedAsync(stoppingToken);
                round++;
                var binary = await wamp.CallAsync<string>("get_binary_number", [100], cancellationToken: stoppingToken);
                var today = await wamp.CallAsync<string>("get_todays_date", cancellationToken: stoppingToken);
                LogResults(logger, round, binary, today);
                await wamp.PublishAsync(
                    "foo", [$"hello from round {round}"], new RoundReport(round, binary), new PublishOptions { ExcludeMe = false }, stoppingToken);
            }
            catch (Exception ex) when (ex is WampException or WampConnectionException or TimeoutException)
            {
                LogFailure(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Round {Round}: get_binary_number(100) = {Binary}, get_todays_date() = {Today}")]
    private static partial void LogResults(ILogger logger, int round, string binary, string today);

    [LoggerMessage(LogLevel.Warning, "Round failed: {Message}")]
    private static partial void LogFailure(ILogger logger, string message);
}
