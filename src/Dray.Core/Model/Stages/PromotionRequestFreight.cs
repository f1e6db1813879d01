namespace Dray.Core.Model.Stages;

public sealed record PromotionRequestFreight
{
    public required string Name { get; init; }
}
