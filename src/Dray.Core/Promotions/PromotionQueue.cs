using Dray.Core.Model.Promotions;

namespace Dray.Core.Promotions;

/// <summary>One queue per Stage: a Running Promotion keeps the slot; otherwise the first Pending one by name runs.</summary>
public static class PromotionQueue
{
    /// <summary>The name of the Promotion that may run now among one Stage's Promotions, or null when none may.</summary>
    public static string? Next(IEnumerable<Promotion> promotionsOfStage)
    {
        ArgumentNullException.ThrowIfNull(promotionsOfStage);
        var waiting = promotionsOfStage
            .Where(p => !PromotionPhases.IsTerminal(p.Status?.Phase))
            .OrderBy(p => p.Status?.Phase == PromotionPhase.Running ? 0 : 1)
            .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return waiting?.Metadata.Name;
    }
}
