using Dray.Core.Model.Freights;

namespace Dray.Core.Stages;

/// <summary>For one requested origin: the Freight to auto-promote now, or none and why.</summary>
public sealed record AutoPromotionDecision(FreightOrigin Origin, Freight? Promote, string Reason);
