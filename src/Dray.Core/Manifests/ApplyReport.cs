namespace Dray.Core.Manifests;

/// <summary>The outcome of one apply: a result per resource, in write order, and the legacy-conversion warnings.</summary>
public sealed record ApplyReport(IReadOnlyList<ApplyResult> Results, IReadOnlyList<ManifestWarning> Warnings);
