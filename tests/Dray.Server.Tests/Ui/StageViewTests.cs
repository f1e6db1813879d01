using Bunit;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Server.Ui.Components;
using Dray.Server.Ui.Model;

namespace Dray.Server.Tests.Ui;

/// <summary>Where a Stage's verification state comes from: the AnalysisRun history, or the Freight's verifiedIn.</summary>
public sealed class StageViewTests : UiTestContext
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["f-1"] = "brave-otter" };

    [Fact]
    public void A_stage_without_verification_is_verified_when_its_freight_says_so()
    {
        var stage = UiModels.Stage("dev", ("f-1", null));

        var view = StageView.From(stage, Aliases, f => f == "f-1");

        view.Verification.ShouldBe(VerificationPhase.Successful);
        view.CurrentFreight.ShouldBe("brave-otter");
        MarkStyle.ForVerification(view.Verification).Label.ShouldBe("Verified");
    }

    [Fact]
    public void A_stage_without_verification_whose_freight_is_not_verified_there_says_not_verified()
    {
        var stage = UiModels.Stage("dev", ("f-1", null));

        StageView.From(stage, Aliases, _ => false).Verification.ShouldBeNull();
    }

    [Fact]
    public void A_stage_without_verification_is_verified_for_the_freight_of_its_last_promotion_when_it_has_no_history()
    {
        var stage = UiModels.Stage("dev") with
        {
            Status = new StageStatus { LastPromotion = new PromotionReference { Name = "dev.p1", Freight = new FreightReference { Name = "f-1" } } },
        };

        StageView.From(stage, Aliases, f => f == "f-1").Verification.ShouldBe(VerificationPhase.Successful);
        StageView.From(stage, Aliases, _ => false).Verification.ShouldBeNull();
    }

    [Fact]
    public void A_stage_with_verification_and_no_run_yet_is_not_verified_even_if_the_freight_claims_it()
    {
        var stage = Verified(UiModels.Stage("dev", ("f-1", null)));

        StageView.From(stage, Aliases, _ => true).Verification.ShouldBeNull();
    }

    [Theory]
    [InlineData(VerificationPhase.Failed, "Verification failed")]
    [InlineData(VerificationPhase.Running, "Verification running")]
    [InlineData(VerificationPhase.Successful, "Verified")]
    public void A_stage_with_verification_shows_its_latest_run(VerificationPhase phase, string label)
    {
        var stage = Verified(UiModels.Stage("dev", ("f-1", phase)));

        var view = StageView.From(stage, Aliases, _ => true);

        view.Verification.ShouldBe(phase);
        MarkStyle.ForVerification(view.Verification).Label.ShouldBe(label);
    }

    [Fact]
    public void The_card_of_a_stage_without_verification_shows_verified_from_the_freight()
    {
        var view = StageView.From(UiModels.Stage("dev", ("f-1", null)), Aliases, f => f == "f-1");

        var cut = Render<StageCard>(p => p.Add(c => c.Stage, view));

        cut.FindAll(".dray-mark").Select(m => m.TextContent.Trim()).ShouldContain("Verified");
        cut.Markup.ShouldNotContain("Not verified");
    }

    private static Stage Verified(Stage stage) => stage with
    {
        Spec = stage.Spec with { Verification = new Verification { AnalysisTemplates = [new AnalysisTemplateReference { Name = "smoke" }] } },
    };
}
