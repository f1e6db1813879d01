using System.Text.Json;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;

namespace Dray.Core.Model.Stages;

public sealed record StageStatus
{
    public IReadOnlyList<Condition>? Conditions { get; init; }

    public string? LastHandledRefresh { get; init; }

    public long? ObservedGeneration { get; init; }

    /// <summary>Freight collections the Stage has used, newest first, at most ten.</summary>
    public IReadOnlyList<FreightCollection>? FreightHistory { get; init; }

    /// <summary>The Freight name for one requested origin, <c>N/M Fulfilled</c> for several, <c>N/A</c> for control flow.</summary>
    public string? FreightSummary { get; init; }

    public Health? Health { get; init; }

    public PromotionReference? CurrentPromotion { get; init; }

    public PromotionReference? LastPromotion { get; init; }

    public PromotionRequestReference? CurrentPromotionRequest { get; init; }

    public PromotionRequestReference? LastPromotionRequest { get; init; }

    /// <summary>Mirrors the matching ProjectConfig promotion policy.</summary>
    public bool? AutoPromotionEnabled { get; init; }

    /// <summary>Auto-promotion holds keyed <c>Warehouse/&lt;name&gt;</c>.</summary>
    public IReadOnlyDictionary<string, AutoPromotionHold>? AutoPromotionHolds { get; init; }

    public IReadOnlyDictionary<string, AutoPromotionHold>? EffectiveAutoPromotionHolds { get; init; }

    public PromotionWindowStatus? PromotionWindowStatus { get; init; }

    /// <summary>Arbitrary data written by the <c>set-metadata</c> step.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
