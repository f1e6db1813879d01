using Dray.Core.Model.Promotions;

namespace Dray.Core.Promotions;

/// <summary>How step statuses add up to a Promotion phase (§6.6).</summary>
public static class PromotionPhases
{
    public static bool IsTerminal(PromotionPhase? phase) =>
        phase is PromotionPhase.Succeeded or PromotionPhase.Failed or PromotionPhase.Errored or PromotionPhase.Aborted;

    /// <summary>The worst status of the steps, ignoring <c>continueOnError</c> ones, as a phase.</summary>
    public static PromotionPhase Final(IEnumerable<StepExecutionMetadata> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var worst = steps
            .Where(s => s.ContinueOnError != true && s.Status is not null)
            .Select(s => s.Status!.Value)
            .DefaultIfEmpty(PromotionStepStatus.Succeeded)
            .MaxBy(Severity);
        return worst switch
        {
            PromotionStepStatus.Errored => PromotionPhase.Errored,
            PromotionStepStatus.Failed => PromotionPhase.Failed,
            PromotionStepStatus.Aborted => PromotionPhase.Aborted,
            PromotionStepStatus.Running => PromotionPhase.Running,
            _ => PromotionPhase.Succeeded,
        };
    }

    private static int Severity(PromotionStepStatus status) => status switch
    {
        PromotionStepStatus.Succeeded => 0,
        PromotionStepStatus.Skipped => 1,
        PromotionStepStatus.Running => 2,
        PromotionStepStatus.Aborted => 3,
        PromotionStepStatus.Failed => 4,
        _ => 5,
    };
}
