using Bunit;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Server.Ui.Components;
using Dray.Server.Ui.Model;

namespace Dray.Server.Tests.Ui;

public sealed class StageCardTests : UiTestContext
{
    [Fact]
    public void Shows_freight_health_verification_promotion_and_auto_promotion_as_text()
    {
        var stage = Stage("prod", "brave-otter", HealthState.Unhealthy, VerificationPhase.Successful, PromotionPhase.Failed, autoPromotion: true);

        var cut = Render<StageCard>(p => p.Add(c => c.Stage, stage));

        cut.Markup.ShouldContain("prod");
        cut.Markup.ShouldContain("brave-otter");
        cut.FindAll(".dray-mark").Select(m => m.TextContent.Trim())
            .ShouldBe(["Unhealthy", "Verified", "Promotion failed", "Auto-promotion on"]);
    }

    [Fact]
    public void A_stage_without_status_says_so_instead_of_showing_blanks()
    {
        var stage = Stage("dev", null, null, null, null, autoPromotion: false);

        var cut = Render<StageCard>(p => p.Add(c => c.Stage, stage));

        cut.Markup.ShouldContain("none");
        cut.FindAll(".dray-mark").Select(m => m.TextContent.Trim())
            .ShouldBe(["Health unknown", "Not verified", "No promotion yet", "Auto-promotion off"]);
    }

    [Fact]
    public void Collapsed_card_keeps_only_the_health_mark()
    {
        var stage = Stage("dev", "brave-otter", HealthState.Healthy, VerificationPhase.Running, PromotionPhase.Running, autoPromotion: true);

        var cut = Render<StageCard>(p => p.Add(c => c.Stage, stage).Add(c => c.Collapsed, true));

        cut.FindAll(".dray-mark").Select(m => m.TextContent.Trim()).ShouldBe(["Healthy"]);
        cut.Markup.ShouldNotContain("brave-otter");
    }

    private static StageView Stage(string name, string? freight, HealthState? health, VerificationPhase? verification, PromotionPhase? promotion, bool autoPromotion) =>
        new(name, new PipelineNode(name, ["app"], []), freight, health, verification, promotion, autoPromotion);
}
