using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Stages.HealthChecks;

namespace Dray.Core.Stages.Verifying;

/// <summary>
/// The verification rules of one Stage reconcile (Kargo §6.2 step 4 and §6.5), pure: poll or abort a running
/// verification; start one after each successful Promotion once the Stage is healthy (Kargo #6372) or when a
/// reverify request names the latest terminal one.
/// </summary>
public static class VerificationPlanner
{
    public static VerificationDecision Decide(Stage stage, Health? health)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.Status?.FreightHistory is not { Count: > 0 })
        {
            return new VerificationDecision(VerificationAction.None, "the Stage has no Freight yet");
        }

        var latest = StageVerificationRules.LatestVerification(stage);
        var annotations = stage.Metadata.Annotations;
        // A running verification is polled even while a Promotion is queued: the queued one waits for it
        // (StageVerificationRules.CanStartQueuedPromotion), so skipping the poll would stall both.
        if (latest is not null && !StageVerificationRules.IsTerminal(latest.Phase))
        {
            var abort = VerificationRequest.Parse(annotations?.GetValueOrDefault(KargoAnnotations.Abort));
            return abort is not null && abort.Id == latest.Id
                ? new VerificationDecision(VerificationAction.Abort, $"abort requested for verification {latest.Id}", abort.Actor)
                : new VerificationDecision(VerificationAction.Poll, $"verification {latest.Id} is {latest.Phase ?? VerificationPhase.Pending}");
        }

        if (stage.Status.CurrentPromotion is { } current && !PromotionPhases.IsTerminal(current.Status?.Phase))
        {
            return new VerificationDecision(VerificationAction.None, $"Promotion {current.Name} is in progress");
        }

        if (stage.Status.LastPromotion?.Status?.Phase != PromotionPhase.Succeeded)
        {
            return new VerificationDecision(VerificationAction.None, "the last Promotion did not succeed");
        }

        var reverify = VerificationRequest.Parse(annotations?.GetValueOrDefault(KargoAnnotations.Reverify));
        var requested = latest is not null && reverify?.Id == latest.Id;
        if (!requested && !StageVerificationRules.NeedsVerification(stage))
        {
            return new VerificationDecision(VerificationAction.None, "the current Freight was verified after its last Promotion");
        }

        if (!StageHealth.AllowsVerification(health))
        {
            return new VerificationDecision(VerificationAction.None, $"waiting for the Stage to become healthy (it is {health?.Status})");
        }

        if (stage.Spec.Verification?.AnalysisTemplates is not { Count: > 0 })
        {
            return new VerificationDecision(VerificationAction.MarkVerified, "no verification is configured");
        }

        return requested
            ? new VerificationDecision(VerificationAction.Start, $"re-verification of {latest!.Id} requested", reverify!.Actor)
            : new VerificationDecision(VerificationAction.Start, $"Promotion {stage.Status.LastPromotion.Name} succeeded");
    }
}
