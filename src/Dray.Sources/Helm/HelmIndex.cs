namespace Dray.Sources.Helm;

/// <summary>A parsed chart repository index: chart name to its versions, in the order the index lists them.</summary>
public sealed record HelmIndex(Uri RepoUrl, IReadOnlyDictionary<string, IReadOnlyList<HelmChartVersion>> Entries);
