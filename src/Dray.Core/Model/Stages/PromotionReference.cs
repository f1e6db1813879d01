using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;

namespace Dray.Core.Model.Stages;

public sealed record PromotionReference
{
    public required string Name { get; init; }

    public FreightReference? Freight { get; init; }

    public PromotionStatus? Status { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
