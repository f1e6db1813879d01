namespace Dray.Client.Models;

/// <summary>The answer of <c>DELETE /api/v1/resources</c>.</summary>
public sealed record DeleteResult(IReadOnlyList<ResourceResult> Results);
