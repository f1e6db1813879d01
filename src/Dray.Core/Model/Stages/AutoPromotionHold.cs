using Dray.Core.Model.Freights;

namespace Dray.Core.Model.Stages;

/// <summary>Stops auto-promotion of one origin until the held Freight is superseded or the hold is lifted.</summary>
public sealed record AutoPromotionHold
{
    public required string FreightName { get; init; }

    public required FreightOrigin Origin { get; init; }

    public string? PromotionName { get; init; }

    public string? Actor { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}
