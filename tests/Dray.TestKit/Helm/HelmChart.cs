namespace Dray.TestKit.Helm;

/// <summary>A chart published in a <see cref="HelmRepoServer"/>.</summary>
/// <param name="Digest">Hex SHA-256 of the archive, as index.yaml records it.</param>
public sealed record HelmChart(string Name, string Version, string? AppVersion, string FileName, string Digest, DateTimeOffset Created);
