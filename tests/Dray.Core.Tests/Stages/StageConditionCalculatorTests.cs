using System.Text.Json;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class StageConditionCalculatorTests
{
    private static readonly DateTimeOffset Promoted = Now.AddMinutes(-10);
    private static readonly Health Good = new() { Status = HealthState.Healthy };

    private static Stage Dev(bool verification = true, bool steps = true)
    {
        var stage = Stage("dev", new FreightSources { Direct = true }, steps: steps);
        return stage with
        {
            Metadata = stage.Metadata with { Generation = 7 },
            Spec = stage.Spec with
            {
                Verification = verification ? new Dray.Core.Model.Stages.Verification { AnalysisTemplates = [new AnalysisTemplateReference { Name = "smoke" }] } : null,
            },
        };
    }

    private static VerificationInfo Run(VerificationPhase phase, string? message = null) =>
        new() { Id = "v1", Phase = phase, StartTime = Promoted.AddMinutes(1), Message = message };

    /// <summary>A Stage that holds f1 from the succeeded Promotion dev.01.f1.</summary>
    private static StageStatus Holding(Health? health, params VerificationInfo[] verifications) => new()
    {
        FreightHistory = [Collection("c1", "f1", verifications)],
        FreightSummary = "f1",
        Health = health,
        LastPromotion = new PromotionReference
        {
            Name = "dev.01.f1",
            Freight = new FreightReference { Name = "f1" },
            Status = new PromotionStatus { Phase = PromotionPhase.Succeeded, FinishedAt = Promoted },
            FinishedAt = Promoted,
        },
    };

    private static Promotion Finished(string name, string freight, PromotionPhase phase, DateTimeOffset finished, string? message = null)
    {
        var promotion = Promotion(name, "dev", freight, phase);
        return promotion with { Status = promotion.Status! with { FinishedAt = finished, Message = message } };
    }

    private static IReadOnlyList<Condition> Compute(Stage stage, StageStatus status, IReadOnlyList<Promotion>? promotions = null, DateTimeOffset? now = null) =>
        StageConditionCalculator.Compute(
            new StageSnapshot { Stage = stage, Freight = [], Promotions = promotions ?? [Finished("dev.01.f1", "f1", PromotionPhase.Succeeded, Promoted)], Now = now ?? Now },
            status) ?? [];

    private static Condition? Find(IReadOnlyList<Condition> conditions, string type) => conditions.SingleOrDefault(c => c.Type == type);

    private static void ShouldBe(IReadOnlyList<Condition> conditions, string type, ConditionStatus status, string reason)
    {
        var condition = Find(conditions, type);
        condition.ShouldNotBeNull($"{type} is missing");
        condition.Status.ShouldBe(status, type);
        condition.Reason.ShouldBe(reason, type);
        condition.ObservedGeneration.ShouldBe(7);
    }

    [Fact]
    public void A_stage_without_freight_is_not_ready_yet_and_reports_nothing_else()
    {
        var conditions = Compute(Dev(), new StageStatus(), []);
        ShouldBe(conditions, StageConditions.Ready, ConditionStatus.Unknown, StageConditions.NoFreightReason);
        conditions.Select(c => c.Type).ShouldBe([StageConditions.Ready]);
    }

    [Fact]
    public void A_running_promotion_sets_promoting_and_reconciling_and_leaves_ready_and_health_unknown()
    {
        var running = Promotion("dev.02.f2", "dev", "f2", PromotionPhase.Running);
        var status = Holding(new Health { Status = HealthState.Unknown, Issues = ["Promotion dev.02.f2 is in progress"] }, Run(VerificationPhase.Successful)) with
        {
            CurrentPromotion = new PromotionReference { Name = "dev.02.f2", Freight = new FreightReference { Name = "f2" } },
        };
        var conditions = Compute(Dev(), status, [Finished("dev.01.f1", "f1", PromotionPhase.Succeeded, Promoted), running]);

        ShouldBe(conditions, StageConditions.Promoting, ConditionStatus.True, StageConditions.ActivePromotionReason);
        Find(conditions, StageConditions.Promoting)!.Message.ShouldBe("Promotion dev.02.f2 of Freight f2 is Running");
        ShouldBe(conditions, StageConditions.Reconciling, ConditionStatus.True, StageConditions.ActivePromotionReason);
        ShouldBe(conditions, StageConditions.Ready, ConditionStatus.Unknown, StageConditions.ActivePromotionReason);
        ShouldBe(conditions, StageConditions.Healthy, ConditionStatus.Unknown, StageConditions.HealthUnknownReason);
        Find(conditions, StageConditions.Healthy)!.Message.ShouldBe("Promotion dev.02.f2 is in progress");
    }

    [Fact]
    public void A_healthy_verified_stage_is_ready_and_no_longer_promoting_or_reconciling()
    {
        var promoting = Compute(Dev(), Holding(Good, Run(VerificationPhase.Successful)) with
        {
            CurrentPromotion = new PromotionReference { Name = "dev.02.f2" },
        });
        var status = Holding(Good, Run(VerificationPhase.Successful)) with { Conditions = promoting };
        var conditions = Compute(Dev(), status);

        ShouldBe(conditions, StageConditions.Ready, ConditionStatus.True, StageConditions.ReadyReason);
        Find(conditions, StageConditions.Ready)!.Message.ShouldBe("Freight f1 is healthy and verified");
        ShouldBe(conditions, StageConditions.Healthy, ConditionStatus.True, StageConditions.HealthyReason);
        ShouldBe(conditions, StageConditions.Verified, ConditionStatus.True, StageConditions.VerificationSucceededReason);
        Find(conditions, StageConditions.Promoting).ShouldBeNull();
        Find(conditions, StageConditions.Reconciling).ShouldBeNull();
    }

    [Theory]
    [InlineData(HealthState.Unhealthy, ConditionStatus.False, StageConditions.UnhealthyReason)]
    [InlineData(HealthState.Progressing, ConditionStatus.Unknown, StageConditions.ProgressingReason)]
    [InlineData(HealthState.Unknown, ConditionStatus.Unknown, StageConditions.HealthUnknownReason)]
    [InlineData(HealthState.NotApplicable, ConditionStatus.Unknown, StageConditions.HealthNotApplicableReason)]
    public void Health_that_is_not_healthy_blocks_ready_with_its_issues(HealthState state, ConditionStatus expected, string reason)
    {
        var health = new Health { Status = state, Issues = ["app dev is Degraded", "app dev-b is Missing"] };
        var conditions = Compute(Dev(), Holding(health, Run(VerificationPhase.Successful)));

        ShouldBe(conditions, StageConditions.Healthy, expected, reason);
        Find(conditions, StageConditions.Healthy)!.Message.ShouldBe("app dev is Degraded; app dev-b is Missing");
        ShouldBe(conditions, StageConditions.Ready, expected, reason);
        Find(conditions, StageConditions.Ready)!.Message.ShouldBe("app dev is Degraded; app dev-b is Missing");
        Find(conditions, StageConditions.Reconciling).ShouldBeNull();
    }

    [Theory]
    [InlineData(VerificationPhase.Pending)]
    [InlineData(VerificationPhase.Running)]
    public void A_running_verification_is_unknown_and_reconciling(VerificationPhase phase)
    {
        var conditions = Compute(Dev(), Holding(Good, Run(phase)));
        ShouldBe(conditions, StageConditions.Verified, ConditionStatus.Unknown, StageConditions.VerifyingReason);
        Find(conditions, StageConditions.Verified)!.Message.ShouldBe($"Verification v1 is {phase}");
        ShouldBe(conditions, StageConditions.Reconciling, ConditionStatus.True, StageConditions.VerifyingReason);
        ShouldBe(conditions, StageConditions.Ready, ConditionStatus.Unknown, StageConditions.VerifyingReason);
        ShouldBe(conditions, StageConditions.Healthy, ConditionStatus.True, StageConditions.HealthyReason);
    }

    [Theory]
    [InlineData(VerificationPhase.Failed, StageConditions.VerificationFailedReason, "Verification v1 failed: metric smoke assessed Failed")]
    [InlineData(VerificationPhase.Error, StageConditions.VerificationErroredReason, "Verification v1 errored: metric smoke assessed Failed")]
    [InlineData(VerificationPhase.Inconclusive, StageConditions.VerificationInconclusiveReason, "Verification v1 was inconclusive: metric smoke assessed Failed")]
    [InlineData(VerificationPhase.Aborted, StageConditions.VerificationAbortedReason, "Verification v1 was aborted: metric smoke assessed Failed")]
    public void A_verification_that_did_not_succeed_blocks_ready_with_its_message(VerificationPhase phase, string reason, string message)
    {
        var conditions = Compute(Dev(), Holding(Good, Run(phase, "metric smoke assessed Failed")));
        ShouldBe(conditions, StageConditions.Verified, ConditionStatus.False, reason);
        Find(conditions, StageConditions.Verified)!.Message.ShouldBe(message);
        ShouldBe(conditions, StageConditions.Ready, ConditionStatus.False, reason);
        Find(conditions, StageConditions.Ready)!.Message.ShouldBe(message);
        Find(conditions, StageConditions.Reconciling).ShouldBeNull();
    }

    [Fact]
    public void Without_verification_a_healthy_stage_counts_as_verified_and_an_unhealthy_one_waits()
    {
        var conditions = Compute(Dev(verification: false), Holding(Good));
        ShouldBe(conditions, StageConditions.Verified, ConditionStatus.True, StageConditions.NoVerificationReason);
        ShouldBe(conditions, StageConditions.Ready, ConditionStatus.True, StageConditions.ReadyReason);

        var waiting = Compute(Dev(verification: false), Holding(new Health { Status = HealthState.Progressing }));
        ShouldBe(waiting, StageConditions.Verified, ConditionStatus.Unknown, StageConditions.AwaitingHealthReason);
        ShouldBe(waiting, StageConditions.Ready, ConditionStatus.Unknown, StageConditions.ProgressingReason);
    }

    [Fact]
    public void Freight_promoted_again_after_its_verification_awaits_a_new_one()
    {
        var before = new VerificationInfo { Id = "v0", Phase = VerificationPhase.Successful, StartTime = Promoted.AddMinutes(-5) };
        var conditions = Compute(Dev(), Holding(Good, before));
        ShouldBe(conditions, StageConditions.Verified, ConditionStatus.Unknown, StageConditions.AwaitingVerificationReason);
        ShouldBe(conditions, StageConditions.Ready, ConditionStatus.Unknown, StageConditions.AwaitingVerificationReason);
    }

    [Theory]
    [InlineData(PromotionPhase.Failed)]
    [InlineData(PromotionPhase.Errored)]
    [InlineData(PromotionPhase.Aborted)]
    public void A_last_promotion_that_did_not_succeed_blocks_ready_first(PromotionPhase phase)
    {
        Promotion[] promotions =
        [
            Finished("dev.01.f1", "f1", PromotionPhase.Succeeded, Promoted),
            Finished("dev.02.f2", "f2", phase, Promoted.AddMinutes(5), "step 1 (git-push): remote rejected"),
        ];
        var conditions = Compute(Dev(), Holding(new Health { Status = HealthState.Unhealthy }, Run(VerificationPhase.Failed)), promotions);
        ShouldBe(conditions, StageConditions.Ready, ConditionStatus.False, StageConditions.LastPromotionFailedReason);
        Find(conditions, StageConditions.Ready)!.Message.ShouldBe($"Promotion dev.02.f2 {phase}: step 1 (git-push): remote rejected");

        var retried = Compute(Dev(), Holding(Good, Run(VerificationPhase.Successful)), [.. promotions, Finished("dev.03.f1", "f1", PromotionPhase.Succeeded, Promoted.AddMinutes(6))]);
        ShouldBe(retried, StageConditions.Ready, ConditionStatus.True, StageConditions.ReadyReason);
    }

    [Fact]
    public void A_control_flow_stage_is_ready_and_reports_nothing_else()
    {
        var stale = Compute(Dev(), Holding(Good, Run(VerificationPhase.Running)));
        var conditions = Compute(Dev(verification: false, steps: false), new StageStatus { Conditions = stale }, []);
        ShouldBe(conditions, StageConditions.Ready, ConditionStatus.True, StageConditions.ControlFlowReason);
        conditions.Select(c => c.Type).ShouldBe([StageConditions.Ready]);
    }

    [Fact]
    public void An_unchanged_stage_gets_byte_identical_conditions_and_a_changed_status_moves_only_its_transition_time()
    {
        var first = Compute(Dev(), Holding(Good, Run(VerificationPhase.Running)));
        var again = Compute(Dev(), Holding(Good, Run(VerificationPhase.Running)) with { Conditions = first }, now: Now.AddHours(2));
        Json(again).ShouldBe(Json(first));

        var later = Now.AddHours(3);
        var done = Compute(Dev(), Holding(Good, Run(VerificationPhase.Successful)) with { Conditions = again }, now: later);
        Find(done, StageConditions.Verified)!.LastTransitionTime.ShouldBe(later);
        Find(done, StageConditions.Ready)!.LastTransitionTime.ShouldBe(later);
        Find(done, StageConditions.Healthy)!.LastTransitionTime.ShouldBe(Now);
        Find(done, StageConditions.Reconciling).ShouldBeNull();
    }

    private static string Json(IReadOnlyList<Condition> conditions) => JsonSerializer.Serialize(conditions, KargoJson.Options);
}
