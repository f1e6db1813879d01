namespace Dray.Core.Model.Stages;

public sealed record PromotionTemplate
{
    public required PromotionTemplateSpec Spec { get; init; }
}
