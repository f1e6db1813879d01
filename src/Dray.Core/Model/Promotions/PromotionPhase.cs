namespace Dray.Core.Model.Promotions;

/// <summary>Promotion phases; everything after <see cref="Running"/> is terminal.</summary>
public enum PromotionPhase
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Errored,
    Aborted,
}
