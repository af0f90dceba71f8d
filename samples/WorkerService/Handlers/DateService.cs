using System.Globalization;
using Wampy;

namespace WorkerService.Handlers;

/// <summary>wampy's example service: today's date.</summary>
public sealed class DateService(TimeProvider clock)
{
    /// <summary>Today's date as yyyy-MM-dd.</summary>
    [WampProcedure("get_todays_date")]
    public string GetTodaysDate() => clock.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
