namespace Dray.Cli.Infrastructure;

/// <summary>A failure the user can fix, reported as <c>Error: message</c> with the given exit code.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Error)
        : base(message) => ExitCode = exitCode;

    public CliException()
        : this("error")
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = ExitCodes.Error;

    public int ExitCode { get; }
}
