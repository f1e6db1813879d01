using Dray.Server.Manifests;

namespace Dray.Server.Api.Contracts;

public sealed record DeleteResponse(IReadOnlyList<ManifestItemResult> Results);
