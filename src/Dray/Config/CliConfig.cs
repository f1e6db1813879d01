namespace Dray.Cli.Config;

/// <summary>What <c>dray login</c> and <c>dray config</c> remember between runs.</summary>
internal sealed record CliConfig(string? Server = null, string? Token = null, string? Project = null)
{
    public static CliConfig Empty { get; } = new();
}
