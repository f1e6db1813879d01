namespace Dray.Cli.Infrastructure;

/// <summary>The process exit codes of every <c>dray</c> command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    public const int Usage = 2;
}
