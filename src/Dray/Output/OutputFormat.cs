namespace Dray.Cli.Output;

/// <summary>The values of <c>-o/--output</c>.</summary>
internal static class OutputFormat
{
    public const string Table = "table";
    public const string Wide = "wide";
    public const string Json = "json";
    public const string Yaml = "yaml";
    public const string Name = "name";

    public static readonly string[] All = [Table, Wide, Json, Yaml, Name];
}
