using Dray.Core.Manifests;

namespace Dray.Server.Manifests;

public sealed record ManifestApplyResult(IReadOnlyList<ManifestItemResult> Results, IReadOnlyList<ManifestWarning> Warnings);
