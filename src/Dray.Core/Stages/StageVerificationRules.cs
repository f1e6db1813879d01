using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages;

/// <summary>
/// When a Stage verifies and when it may start its next queued Promotion. Every successful Promotion gets its own
/// verification, even when it re-delivers the same Freight collection (Kargo #6372), and a queued Promotion never
/// starts before the Freight in front of it finished verifying (Kargo #7032).
/// </summary>
public static class StageVerificationRules
{
    /// <summary>The newest verification of the Stage's current collection, or null.</summary>
    public static VerificationInfo? LatestVerification(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Status?.FreightHistory is { Count: > 0 } history && history[0].VerificationHistory is { Count: > 0 } verifications
            ? verifications[0]
            : null;
    }

    public static bool IsTerminal(VerificationPhase? phase) => phase is not (null or VerificationPhase.Pending or VerificationPhase.Running);

    /// <summary>
    /// True when the last Promotion succeeded and no verification of the current collection started after it
    /// finished: the Freight it delivered has not been verified by this Promotion yet.
    /// </summary>
    public static bool NeedsVerification(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var last = stage.Status?.LastPromotion;
        if (last?.Status?.Phase != PromotionPhase.Succeeded || stage.Status?.FreightHistory is not { Count: > 0 })
        {
            return false;
        }

        var finished = last.FinishedAt ?? last.Status.FinishedAt;
        var latest = LatestVerification(stage);
        return latest is null || (finished is { } f && (latest.StartTime ?? DateTimeOffset.MinValue) < f);
    }

    /// <summary>Whether the next queued Promotion may start now.</summary>
    public static Gate CanStartNextPromotion(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.Status?.CurrentPromotion is { } current && !PromotionPhases.IsTerminal(current.Status?.Phase))
        {
            return Gate.Closed($"Promotion {current.Name} is still {current.Status?.Phase ?? PromotionPhase.Pending}");
        }

        var latest = LatestVerification(stage);
        if (latest is not null && !IsTerminal(latest.Phase))
        {
            return Gate.Closed($"verification {latest.Id} of the current Freight is still {latest.Phase ?? VerificationPhase.Pending}");
        }

        if (stage.Spec.Verification is not null && NeedsVerification(stage))
        {
            return Gate.Closed("the current Freight has not been verified since it was promoted");
        }

        return Gate.Opened("nothing is promoting or verifying");
    }

    /// <summary>
    /// Whether a queued Promotion may start now. A running verification always goes first; a Freight still waiting
    /// to be verified goes first for Promotions the controller created (Kargo #7032), but never holds up one a
    /// user asked for, such as a rollback while the Stage waits to become healthy (Kargo #3258).
    /// </summary>
    public static Gate CanStartQueuedPromotion(Stage stage, Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(promotion);
        var latest = LatestVerification(stage);
        if (latest is not null && !IsTerminal(latest.Phase))
        {
            return Gate.Closed($"verification {latest.Id} of the current Freight is still {latest.Phase ?? VerificationPhase.Pending}");
        }

        var actor = promotion.Metadata.Annotations?.GetValueOrDefault(Model.Common.KargoAnnotations.CreateActor);
        var byUser = actor is not null && !actor.StartsWith(AutoPromotionHolds.ControllerActorPrefix, StringComparison.Ordinal);
        if (!byUser && stage.Spec.Verification?.AnalysisTemplates is { Count: > 0 } && NeedsVerification(stage))
        {
            return Gate.Closed("the current Freight has not been verified since it was promoted");
        }

        return Gate.Opened("nothing is verifying");
    }
}
