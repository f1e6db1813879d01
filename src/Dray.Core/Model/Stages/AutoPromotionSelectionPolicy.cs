namespace Dray.Core.Model.Stages;

public enum AutoPromotionSelectionPolicy
{
    NewestFreight,
    MatchUpstream,
}
