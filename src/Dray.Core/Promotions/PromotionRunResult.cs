using Dray.Core.Model.Promotions;

namespace Dray.Core.Promotions;

/// <summary>Where a run left a Promotion: its phase and, when it must be looked at again, after how long.</summary>
public sealed record PromotionRunResult(PromotionPhase Phase, TimeSpan? RequeueAfter)
{
    public bool IsTerminal => Phase is not (PromotionPhase.Pending or PromotionPhase.Running);
}
