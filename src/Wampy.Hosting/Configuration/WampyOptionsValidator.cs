using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Wampy.Hosting;

/// <summary>
/// Checks <see cref="WampyOptions"/> at start-up; every failure names its configuration key and what is expected. The
/// whole list is also logged as one critical line, so that it reads clearly above the host's start-up exception.
/// </summary>
internal sealed class WampyOptionsValidator(ILogger<WampyOptionsValidator>? logger = null) : IValidateOptions<WampyOptions>
{
    private const string Prefix = WampyOptions.SectionName + ":";
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private int _logged;

    public ValidateOptionsResult Validate(string? name, WampyOptions options)
    {
        var failures = WampClientOptionsValidator.Validate(options, Prefix);
        if (options.ShutdownTimeout < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}ShutdownTimeout must not be negative; got {options.ShutdownTimeout}.");
        }

        if (failures.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        if (Interlocked.Exchange(ref _logged, 1) == 0)
        {
            Diagnostics.Log.InvalidOptions(_logger, string.Join(" ", failures));
        }

        return ValidateOptionsResult.Fail(failures);
    }
}
