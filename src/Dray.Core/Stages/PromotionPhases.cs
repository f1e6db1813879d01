using Dray.Core.Model.Promotions;

namespace Dray.Core.Stages;

public static class PromotionPhases
{
    /// <summary>Succeeded, Failed, Errored and Aborted are terminal; a missing phase means Pending.</summary>
    public static bool IsTerminal(PromotionPhase? phase) => phase is PromotionPhase.Succeeded or PromotionPhase.Failed
        or PromotionPhase.Errored or PromotionPhase.Aborted;
}
