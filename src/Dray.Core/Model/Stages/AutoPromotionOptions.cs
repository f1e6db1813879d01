namespace Dray.Core.Model.Stages;

public sealed record AutoPromotionOptions
{
    public AutoPromotionSelectionPolicy? SelectionPolicy { get; init; }
}
