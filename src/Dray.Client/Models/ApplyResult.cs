using Dray.Core.Manifests;

namespace Dray.Client.Models;

/// <summary>The answer of <c>POST /api/v1/resources</c>.</summary>
public sealed record ApplyResult(IReadOnlyList<ResourceResult> Results, IReadOnlyList<ManifestWarning>? Warnings);
