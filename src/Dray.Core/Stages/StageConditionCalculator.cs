using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Stages.HealthChecks;
using Dray.Core.Warehouses;

namespace Dray.Core.Stages;

/// <summary>
/// The Stage's <c>status.conditions</c>, pure, from the status a reconcile is about to write (current Promotion,
/// health, the current collection's verifications) and the Stage's Promotions. Each condition keeps its transition
/// time while its status stays the same (<see cref="ConditionList"/>), so an idle Stage gets the same list back.
/// </summary>
public static class StageConditionCalculator
{
    public static IReadOnlyList<Condition>? Compute(StageSnapshot snapshot, StageStatus status)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(status);
        var stage = snapshot.Stage with { Status = status };
        var conditions = status.Conditions;
        if (snapshot.IsControlFlow)
        {
            conditions = Put(conditions, StageConditions.Ready, (ConditionStatus.True, StageConditions.ControlFlowReason, "Control-flow Stage: Freight passes straight through"), snapshot);
            foreach (var type in new[] { StageConditions.Reconciling, StageConditions.Promoting, StageConditions.Healthy, StageConditions.Verified })
            {
                conditions = ConditionList.Remove(conditions, type);
            }

            return conditions;
        }

        var promoting = Promoting(snapshot, status);
        var healthy = Healthy(status);
        var verified = Verified(stage, status.Health);
        var latest = StageVerificationRules.LatestVerification(stage);
        var verifying = latest is not null && !StageVerificationRules.IsTerminal(latest.Phase);
        conditions = Put(conditions, StageConditions.Ready, Ready(snapshot, status, promoting, healthy, verified, verifying), snapshot);
        conditions = Put(conditions, StageConditions.Reconciling,
            promoting is not null ? (ConditionStatus.True, StageConditions.ActivePromotionReason, promoting.Value.Message)
            : verifying ? (ConditionStatus.True, StageConditions.VerifyingReason, verified!.Value.Message)
            : null, snapshot);
        conditions = Put(conditions, StageConditions.Promoting, promoting, snapshot);
        conditions = Put(conditions, StageConditions.Healthy, healthy, snapshot);
        return Put(conditions, StageConditions.Verified, verified, snapshot);
    }

    private static (ConditionStatus Status, string Reason, string Message)? Promoting(StageSnapshot snapshot, StageStatus status)
    {
        if (status.CurrentPromotion is not { } current)
        {
            return null;
        }

        var phase = snapshot.Promotions.FirstOrDefault(p => p.Metadata.Name == current.Name)?.Status?.Phase ?? PromotionPhase.Pending;
        return (ConditionStatus.True, StageConditions.ActivePromotionReason,
            $"Promotion {current.Name} of Freight {current.Freight?.Name} is {phase}");
    }

    /// <summary>Absent until the Stage has Freight and something assessed its health.</summary>
    private static (ConditionStatus Status, string Reason, string Message)? Healthy(StageStatus status)
    {
        if (status.FreightHistory is not { Count: > 0 } || status.Health?.Status is not { } state)
        {
            return null;
        }

        var issues = status.Health.Issues is { Count: > 0 } list ? string.Join("; ", list) : null;
        return state switch
        {
            HealthState.Healthy => (ConditionStatus.True, StageConditions.HealthyReason, issues ?? "Stage is healthy"),
            HealthState.Unhealthy => (ConditionStatus.False, StageConditions.UnhealthyReason, issues ?? "Stage is unhealthy"),
            HealthState.Progressing => (ConditionStatus.Unknown, StageConditions.ProgressingReason, issues ?? "Stage is progressing"),
            HealthState.NotApplicable => (ConditionStatus.Unknown, StageConditions.HealthNotApplicableReason, issues ?? "Health is not applicable"),
            _ => (ConditionStatus.Unknown, StageConditions.HealthUnknownReason, issues ?? "Health is unknown"),
        };
    }

    /// <summary>Follows the newest verification of the current collection; absent until the Stage has Freight.</summary>
    private static (ConditionStatus Status, string Reason, string Message)? Verified(Stage stage, Health? health)
    {
        var latest = StageVerificationRules.LatestVerification(stage);
        if (latest is not null && !StageVerificationRules.IsTerminal(latest.Phase))
        {
            return (ConditionStatus.Unknown, StageConditions.VerifyingReason, $"Verification {latest.Id} is {latest.Phase ?? VerificationPhase.Pending}");
        }

        if (StageVerificationRules.NeedsVerification(stage))
        {
            if (!StageHealth.AllowsVerification(health))
            {
                return (ConditionStatus.Unknown, StageConditions.AwaitingHealthReason,
                    $"Waiting for the Stage to become healthy (it is {health?.Status}) before verifying");
            }

            return stage.Spec.Verification?.AnalysisTemplates is { Count: > 0 }
                ? (ConditionStatus.Unknown, StageConditions.AwaitingVerificationReason, "The current Freight has not been verified since it was promoted")
                : (ConditionStatus.True, StageConditions.NoVerificationReason, "No verification is configured");
        }

        if (latest is null)
        {
            return null;
        }

        var message = string.IsNullOrEmpty(latest.Message) ? null : $": {latest.Message}";
        return latest.Phase switch
        {
            VerificationPhase.Successful => (ConditionStatus.True, StageConditions.VerificationSucceededReason, $"Verification {latest.Id} succeeded"),
            VerificationPhase.Failed => (ConditionStatus.False, StageConditions.VerificationFailedReason, $"Verification {latest.Id} failed{message}"),
            VerificationPhase.Error => (ConditionStatus.False, StageConditions.VerificationErroredReason, $"Verification {latest.Id} errored{message}"),
            VerificationPhase.Inconclusive => (ConditionStatus.False, StageConditions.VerificationInconclusiveReason, $"Verification {latest.Id} was inconclusive{message}"),
            _ => (ConditionStatus.False, StageConditions.VerificationAbortedReason, $"Verification {latest.Id} was aborted{message}"),
        };
    }

    /// <summary>Unknown while something is in progress; otherwise the first thing that blocks, in order.</summary>
    private static (ConditionStatus Status, string Reason, string Message) Ready(
        StageSnapshot snapshot,
        StageStatus status,
        (ConditionStatus Status, string Reason, string Message)? promoting,
        (ConditionStatus Status, string Reason, string Message)? healthy,
        (ConditionStatus Status, string Reason, string Message)? verified,
        bool verifying)
    {
        if (promoting is { } p)
        {
            return (ConditionStatus.Unknown, p.Reason, p.Message);
        }

        if (verifying)
        {
            return (ConditionStatus.Unknown, verified!.Value.Reason, verified.Value.Message);
        }

        if (LastTerminal(snapshot, status) is { } last && last.Phase != PromotionPhase.Succeeded)
        {
            var detail = string.IsNullOrEmpty(last.Message) ? "" : $": {last.Message}";
            return (ConditionStatus.False, StageConditions.LastPromotionFailedReason, $"Promotion {last.Name} {last.Phase}{detail}");
        }

        if (status.FreightHistory is not { Count: > 0 })
        {
            return (ConditionStatus.Unknown, StageConditions.NoFreightReason, "No Freight has been promoted to this Stage yet");
        }

        foreach (var blocking in new[] { healthy, verified })
        {
            if (blocking is { } b && b.Status != ConditionStatus.True)
            {
                return b;
            }
        }

        return (ConditionStatus.True, StageConditions.ReadyReason, $"Freight {status.FreightSummary} is healthy and verified");
    }

    /// <summary>The newest finished Promotion of the Stage; the recorded last one when older ones were collected.</summary>
    private static (string Name, PromotionPhase? Phase, string? Message)? LastTerminal(StageSnapshot snapshot, StageStatus status)
    {
        var newest = snapshot.Promotions
            .Where(p => PromotionPhases.IsTerminal(p.Status?.Phase))
            .OrderByDescending(p => p.Status?.FinishedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(p => p.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (newest is not null)
        {
            return (newest.Metadata.Name ?? "", newest.Status?.Phase, newest.Status?.Message);
        }

        return status.LastPromotion is { } last ? (last.Name, last.Status?.Phase, last.Status?.Message) : null;
    }

    private static IReadOnlyList<Condition>? Put(
        IReadOnlyList<Condition>? conditions, string type, (ConditionStatus Status, string Reason, string Message)? value, StageSnapshot snapshot) =>
        value is not { } v
            ? ConditionList.Remove(conditions, type)
            : ConditionList.Set(conditions, new Condition
            {
                Type = type,
                Status = v.Status,
                Reason = v.Reason,
                Message = v.Message,
                ObservedGeneration = snapshot.Stage.Metadata.Generation,
                LastTransitionTime = snapshot.Now,
            });
}
