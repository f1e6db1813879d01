using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;
using Dray.Core.Stages.Verifying;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class VerificationPlannerTests
{
    private static readonly Health Healthy = new() { Status = HealthState.Healthy };

    private static Stage Promoted(bool verification = true, string? annotation = null, string? value = null, params VerificationInfo[] history)
    {
        var stage = Stage("dev", new FreightSources { Direct = true });
        return stage with
        {
            Metadata = stage.Metadata with { Annotations = annotation is null ? null : new Dictionary<string, string> { [annotation] = value! } },
            Spec = stage.Spec with
            {
                Verification = verification ? new Dray.Core.Model.Stages.Verification { AnalysisTemplates = [new AnalysisTemplateReference { Name = "t" }] } : null,
            },
            Status = new StageStatus
            {
                FreightHistory = [Collection("c1", "f1", history)],
                LastPromotion = new PromotionReference { Name = "dev.02.f1", Status = new PromotionStatus { Phase = PromotionPhase.Succeeded, FinishedAt = Now } },
            },
        };
    }

    private static VerificationInfo Info(string id, VerificationPhase phase, int minutesAfterPromotion) =>
        new() { Id = id, Phase = phase, StartTime = Now.AddMinutes(minutesAfterPromotion) };

    [Fact]
    public void A_successful_promotion_starts_verification_once_healthy() =>
        VerificationPlanner.Decide(Promoted(), Healthy).Action.ShouldBe(VerificationAction.Start);

    [Fact]
    public void An_unhealthy_stage_waits()
    {
        var decision = VerificationPlanner.Decide(Promoted(), new Health { Status = HealthState.Progressing });
        decision.Action.ShouldBe(VerificationAction.None);
        decision.Reason.ShouldContain("healthy");
    }

    [Fact]
    public void Every_promotion_gets_its_own_verification_even_of_the_same_collection() =>
        VerificationPlanner.Decide(Promoted(history: Info("old", VerificationPhase.Successful, -5)), Healthy).Action.ShouldBe(VerificationAction.Start);

    [Fact]
    public void A_verification_after_the_promotion_is_enough() =>
        VerificationPlanner.Decide(Promoted(history: Info("v", VerificationPhase.Successful, 1)), Healthy).Action.ShouldBe(VerificationAction.None);

    [Fact]
    public void A_running_verification_is_polled_or_aborted_by_its_id()
    {
        VerificationPlanner.Decide(Promoted(history: Info("v1", VerificationPhase.Running, 1)), Healthy).Action.ShouldBe(VerificationAction.Poll);
        VerificationPlanner.Decide(Promoted(true, KargoAnnotations.Abort, "other", Info("v1", VerificationPhase.Running, 1)), Healthy).Action.ShouldBe(VerificationAction.Poll);
        var abort = VerificationPlanner.Decide(Promoted(true, KargoAnnotations.Abort, """{"id":"v1","actor":"alice"}""", Info("v1", VerificationPhase.Running, 1)), Healthy);
        abort.Action.ShouldBe(VerificationAction.Abort);
        abort.Actor.ShouldBe("alice");
    }

    [Fact]
    public void Reverify_applies_only_to_the_latest_finished_verification()
    {
        VerificationPlanner.Decide(Promoted(true, KargoAnnotations.Reverify, "v1", Info("v1", VerificationPhase.Failed, 1)), Healthy).Action.ShouldBe(VerificationAction.Start);
        VerificationPlanner.Decide(Promoted(true, KargoAnnotations.Reverify, "v0", Info("v1", VerificationPhase.Failed, 1)), Healthy).Action.ShouldBe(VerificationAction.None);
    }

    [Fact]
    public void Without_verification_the_freight_counts_as_verified() =>
        VerificationPlanner.Decide(Promoted(verification: false), Healthy).Action.ShouldBe(VerificationAction.MarkVerified);

    [Fact]
    public void Nothing_happens_while_promoting()
    {
        var stage = Promoted();
        stage = stage with { Status = stage.Status! with { CurrentPromotion = new PromotionReference { Name = "dev.03.f2" } } };
        VerificationPlanner.Decide(stage, Healthy).Action.ShouldBe(VerificationAction.None);
    }

    [Fact]
    public void A_running_verification_is_still_polled_while_a_promotion_waits_for_it()
    {
        var stage = Promoted(history: Info("v1", VerificationPhase.Running, 1));
        stage = stage with { Status = stage.Status! with { CurrentPromotion = new PromotionReference { Name = "dev.03.f2" } } };
        VerificationPlanner.Decide(stage, Healthy).Action.ShouldBe(VerificationAction.Poll);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("abc", "abc")]
    [InlineData("""{"id":"abc","actor":"bob","controlPlane":false}""", "abc")]
    [InlineData("""{"actor":"bob"}""", null)]
    [InlineData("{not json", null)]
    public void Verification_requests_parse_plain_ids_and_kargo_json(string? value, string? id) =>
        VerificationRequest.Parse(value)?.Id.ShouldBe(id);

    [Fact]
    public void Queued_controller_promotions_wait_for_verification_but_user_ones_do_not()
    {
        var stage = Promoted();
        var byController = Promotion("dev.03.f2", "dev", "f2", null, actor: "controller:dray");
        var byUser = Promotion("dev.03.f2", "dev", "f2", null, actor: "alice");
        StageVerificationRules.CanStartQueuedPromotion(stage, byController).Open.ShouldBeFalse();
        StageVerificationRules.CanStartQueuedPromotion(stage, byUser).Open.ShouldBeTrue();
        var running = Promoted(history: Info("v1", VerificationPhase.Running, 1));
        StageVerificationRules.CanStartQueuedPromotion(running, byUser).Open.ShouldBeFalse();
        StageVerificationRules.CanStartQueuedPromotion(Promoted(history: Info("v1", VerificationPhase.Successful, 1)), byController).Open.ShouldBeTrue();
    }
}
