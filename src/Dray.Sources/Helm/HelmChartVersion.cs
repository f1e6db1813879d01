namespace Dray.Sources.Helm;

/// <summary>One chart version of an <c>index.yaml</c>, its download URLs resolved against the repository URL.</summary>
public sealed record HelmChartVersion(string Name, string Version, IReadOnlyList<Uri> Urls, string? Digest, string? AppVersion);
