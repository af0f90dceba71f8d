namespace Wampy.Cli;

/// <summary>The process exit codes of the wampy command, one per kind of failure.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int BadInput = 2;
    public const int Unreachable = 3;
    public const int Refused = 4;
    public const int WampError = 5;
    public const int Timeout = 6;
    public const int Interrupted = 130;
}
