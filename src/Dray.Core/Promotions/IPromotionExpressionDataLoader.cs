using Dray.Core.Model.Promotions;

namespace Dray.Core.Promotions;

/// <summary>Loads what a Promotion's expressions may read, once per run.</summary>
public interface IPromotionExpressionDataLoader
{
    Task<PromotionExpressionData> LoadAsync(Promotion promotion, CancellationToken ct);
}
