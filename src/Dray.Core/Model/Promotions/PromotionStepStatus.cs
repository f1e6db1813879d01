namespace Dray.Core.Model.Promotions;

public enum PromotionStepStatus
{
    Running,
    Succeeded,
    Failed,
    Errored,
    Aborted,
    Skipped,
}
