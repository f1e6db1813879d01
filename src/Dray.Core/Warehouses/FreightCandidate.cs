using Dray.Core.Model.Freights;

namespace Dray.Core.Warehouses;

/// <summary>The Freight the latest discovery points at, or why there is none.</summary>
public sealed record FreightCandidate(Freight? Freight, string? MissingReason);
