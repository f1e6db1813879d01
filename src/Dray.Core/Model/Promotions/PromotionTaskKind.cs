namespace Dray.Core.Model.Promotions;

public enum PromotionTaskKind
{
    PromotionTask,
    ClusterPromotionTask,
}
