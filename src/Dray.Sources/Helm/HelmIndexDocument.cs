namespace Dray.Sources.Helm;

/// <summary>The shape of <c>index.yaml</c> as YamlDotNet binds it; only the fields discovery reads.</summary>
internal sealed class HelmIndexDocument
{
    public string? ApiVersion { get; set; }

    public Dictionary<string, List<HelmIndexEntry>?>? Entries { get; set; }
}
