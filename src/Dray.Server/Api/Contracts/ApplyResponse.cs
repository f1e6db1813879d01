using Dray.Core.Manifests;
using Dray.Server.Manifests;

namespace Dray.Server.Api.Contracts;

public sealed record ApplyResponse(IReadOnlyList<ManifestItemResult> Results, IReadOnlyList<ManifestWarning> Warnings);
