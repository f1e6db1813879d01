using System.Collections.Immutable;
using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages;

/// <summary>
/// Hold bookkeeping (Kargo 1.11): a succeeded, user-created Promotion of Freight other than the current
/// candidate, or any rollback, holds its origin; a user promoting the candidate lifts the hold.
/// </summary>
public static class AutoPromotionHolds
{
    /// <summary>Actors of Promotions the controller creates itself start with this.</summary>
    public const string ControllerActorPrefix = "controller:";

    /// <param name="holds">The Stage's holds before the Promotion.</param>
    /// <param name="promotion">A terminal Promotion being replayed.</param>
    /// <param name="candidateName">The auto-promotion candidate of the Promotion's origin when it was created.</param>
    public static IReadOnlyDictionary<string, AutoPromotionHold> Apply(
        IReadOnlyDictionary<string, AutoPromotionHold>? holds, Promotion promotion, string? candidateName)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var result = holds?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, AutoPromotionHold>.Empty;
        var actor = promotion.Metadata.Annotations?.GetValueOrDefault(KargoAnnotations.CreateActor);
        var freight = promotion.Status?.Freight;
        if (promotion.Status?.Phase != PromotionPhase.Succeeded || freight?.Origin is not { } origin || freight.Name is null)
        {
            return result;
        }

        var rollback = promotion.Metadata.Annotations?.GetValueOrDefault(KargoAnnotations.Rollback) == "true";
        if (!rollback && (actor is null || actor.StartsWith(ControllerActorPrefix, StringComparison.Ordinal)))
        {
            return result;
        }

        var key = origin.ToString();
        if (!rollback && freight.Name == candidateName)
        {
            return result.Remove(key);
        }

        return result.SetItem(key, new AutoPromotionHold
        {
            FreightName = freight.Name,
            Origin = origin,
            PromotionName = promotion.Metadata.Name,
            Actor = actor,
            CreatedAt = promotion.Status.FinishedAt,
        });
    }

    /// <summary>Turning auto-promotion off clears every hold.</summary>
    public static IReadOnlyDictionary<string, AutoPromotionHold> Effective(
        IReadOnlyDictionary<string, AutoPromotionHold>? holds, bool autoPromotionEnabled) =>
        autoPromotionEnabled && holds is not null ? holds : ImmutableDictionary<string, AutoPromotionHold>.Empty;
}
