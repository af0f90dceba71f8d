using System.Text.Json;

namespace Wampy.Cli;

/// <summary>Turns any failure into one clear line on standard error and a distinct exit code; the stack trace only with --verbose.</summary>
internal static class CliFailure
{
    public static int Report(Exception exception, bool verbose, TextWriter error)
    {
        var (code, message) = exception switch
        {
            WampSessionAbortedException aborted => (ExitCodes.Refused, $"the router refused the session: {aborted.Error}: {aborted.Message}"),
            WampConnectionException connection => (ExitCodes.Unreachable, $"cannot reach the router: {connection.Message}"),
            WampException wamp => (ExitCodes.WampError, Describe(wamp)),
            WampTimeoutException timeout => (ExitCodes.Timeout, timeout.Message),
            TimeoutException timeout => (ExitCodes.Timeout, timeout.Message),
            OperationCanceledException => (ExitCodes.Interrupted, "interrupted"),
            ArgumentException or JsonException or FormatException or FileNotFoundException or InvalidDataException or BadImageFormatException
                => (ExitCodes.BadInput, exception.Message),
            _ => (ExitCodes.Unexpected, $"unexpected error: {exception.Message}"),
        };
        error.WriteLine($"wampy: {message}");
        if (verbose)
        {
            error.WriteLine(exception.ToString());
        }
        else if (code == ExitCodes.Unexpected)
        {
            error.WriteLine("wampy: run again with --verbose for details");
        }

        return code;
    }

    private static string Describe(WampException error)
    {
        var args = error.Arguments is { Count: > 0 } a ? " " + a : string.Empty;
        var kwargs = error.ArgumentsKw is { Count: > 0 } k ? " " + k : string.Empty;
        return $"{error.Error}{args}{kwargs}";
    }
}
