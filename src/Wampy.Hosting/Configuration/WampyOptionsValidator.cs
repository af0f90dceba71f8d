using Microsoft.Extensions.Options;

namespace Wampy.Hosting;

/// <summary>Checks <see cref="WampyOptions"/> at start-up; every failure names its configuration key and what is expected.</summary>
internal sealed class WampyOptionsValidator : IValidateOptions<WampyOptions>
{
    private const string Prefix = WampyOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, WampyOptions options)
    {
        var failures = WampClientOptionsValidator.Validate(options, Prefix);
        if (options.ShutdownTimeout < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}ShutdownTimeout must not be negative; got {options.ShutdownTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
