using System.CommandLine;

namespace Dray.Cli.Infrastructure;

/// <summary>Options shared by several commands. Instances are per root command, never static.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Server { get; } = new("--server")
    {
        Description = "The Dray server URL (default: $DRAY_SERVER, then the config file)",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "The bearer token (default: $DRAY_TOKEN, then the config file)",
        Recursive = true,
    };

    public static Option<string?> Project() => new("--project", "-p")
    {
        Description = "The project (default: the config file's project, see 'dray config set-project')",
    };

    public static Option<string[]> Files(string description) => new("--filename", "-f")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
    };
}
