using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class StageVerificationRulesTests
{
    private static Stage Verified(StageStatus status) =>
        Stage("uat", From("dev")) with { Spec = Stage("uat", From("dev")).Spec with { Verification = new Dray.Core.Model.Stages.Verification() }, Status = status };

    private static PromotionReference Succeeded(string name, DateTimeOffset finished) => new()
    {
        Name = name,
        FinishedAt = finished,
        Status = new PromotionStatus { Phase = PromotionPhase.Succeeded },
    };

    private static VerificationInfo Verification(string id, VerificationPhase phase, DateTimeOffset started) =>
        new() { Id = id, Phase = phase, StartTime = started };

    [Fact]
    public void Every_promotion_gets_its_own_verification_even_for_the_same_collection_6372()
    {
        // The collection c1 was verified after the first promotion; a second promotion re-delivered it.
        var stage = Verified(new StageStatus
        {
            LastPromotion = Succeeded("uat.02.x", Now),
            FreightHistory = [Collection("c1", "f", Verification("v1", VerificationPhase.Successful, Now.AddHours(-2)))],
        });

        StageVerificationRules.NeedsVerification(stage).ShouldBeTrue();
    }

    [Fact]
    public void A_verification_started_after_the_promotion_satisfies_it()
    {
        var stage = Verified(new StageStatus
        {
            LastPromotion = Succeeded("uat.02.x", Now),
            FreightHistory = [Collection("c1", "f", Verification("v2", VerificationPhase.Successful, Now.AddMinutes(1)))],
        });

        StageVerificationRules.NeedsVerification(stage).ShouldBeFalse();
        StageVerificationRules.CanStartNextPromotion(stage).Open.ShouldBeTrue();
    }

    [Fact]
    public void Queued_promotion_waits_until_the_current_freight_is_verified_7032()
    {
        // Promotion 1 succeeded; the Stage is not healthy yet, so verification has not even started.
        var stage = Verified(new StageStatus
        {
            LastPromotion = Succeeded("uat.01.x", Now),
            FreightHistory = [Collection("c1", "f1")],
        });

        StageVerificationRules.CanStartNextPromotion(stage)
            .ShouldBe(Gate.Closed("the current Freight has not been verified since it was promoted"));
    }

    [Theory]
    [InlineData(VerificationPhase.Pending, false)]
    [InlineData(VerificationPhase.Running, false)]
    [InlineData(VerificationPhase.Successful, true)]
    [InlineData(VerificationPhase.Failed, true)]
    [InlineData(VerificationPhase.Error, true)]
    [InlineData(VerificationPhase.Inconclusive, true)]
    [InlineData(VerificationPhase.Aborted, true)]
    public void Queued_promotion_waits_for_a_running_verification_7032(VerificationPhase phase, bool open)
    {
        var stage = Verified(new StageStatus
        {
            LastPromotion = Succeeded("uat.01.x", Now),
            FreightHistory = [Collection("c1", "f1", Verification("v1", phase, Now.AddMinutes(1)))],
        });

        StageVerificationRules.CanStartNextPromotion(stage).Open.ShouldBe(open);
    }

    [Fact]
    public void A_running_promotion_blocks_the_queue()
    {
        var stage = Verified(new StageStatus
        {
            CurrentPromotion = new PromotionReference { Name = "uat.03.x", Status = new PromotionStatus { Phase = PromotionPhase.Running } },
        });

        StageVerificationRules.CanStartNextPromotion(stage).ShouldBe(Gate.Closed("Promotion uat.03.x is still Running"));
    }

    [Fact]
    public void Without_verification_or_after_a_failed_promotion_nothing_waits()
    {
        var plain = Stage("uat", From("dev")) with
        {
            Status = new StageStatus { LastPromotion = Succeeded("uat.01.x", Now), FreightHistory = [Collection("c1", "f1")] },
        };
        var failed = Verified(new StageStatus
        {
            LastPromotion = Succeeded("uat.01.x", Now) with { Status = new PromotionStatus { Phase = PromotionPhase.Failed } },
            FreightHistory = [Collection("c1", "f1")],
        });

        StageVerificationRules.CanStartNextPromotion(plain).Open.ShouldBeTrue();
        StageVerificationRules.CanStartNextPromotion(failed).Open.ShouldBeTrue();
    }
}
