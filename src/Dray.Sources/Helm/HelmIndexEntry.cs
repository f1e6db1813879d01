namespace Dray.Sources.Helm;

internal sealed class HelmIndexEntry
{
    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? AppVersion { get; set; }

    public string? Digest { get; set; }

    public List<string>? Urls { get; set; }
}
