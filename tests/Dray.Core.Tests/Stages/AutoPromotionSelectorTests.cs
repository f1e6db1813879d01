using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Projects;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class AutoPromotionSelectorTests
{
    private static readonly ProjectConfig Enabled = new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "p" },
        Spec = new ProjectConfigSpec
        {
            PromotionPolicies = [new PromotionPolicy { StageSelector = new PromotionPolicySelector { Name = "glob:*" }, AutoPromotionEnabled = true }],
        },
    };

    private static readonly Freight Old = Freight("old", Now.AddHours(-5));
    private static readonly Freight Mid = Freight("mid", Now.AddHours(-3));
    private static readonly Freight Newest = Freight("newest", Now.AddHours(-1));

    private static AutoPromotionDecision Decide(
        Stage stage, IReadOnlyList<Freight>? freight = null, IReadOnlyList<Promotion>? promotions = null, ProjectConfig? config = null,
        IReadOnlyDictionary<string, AutoPromotionHold>? holds = null) =>
        AutoPromotionSelector.Decide(new AutoPromotionInput
        {
            Stage = stage,
            ProjectConfig = config ?? Enabled,
            Freight = freight ?? [Old, Newest, Mid],
            Promotions = promotions ?? [],
            Holds = holds,
            Now = Now,
        }).Single();

    private static Stage Dev => Stage("dev", new FreightSources { Direct = true });

    [Fact]
    public void Newest_available_freight_is_chosen()
    {
        var decision = Decide(Dev);

        decision.Promote!.Metadata.Name.ShouldBe("newest");
        decision.Reason.ShouldBe("newest available Freight");
    }

    [Fact]
    public void Newest_skips_unavailable_freight()
    {
        var stage = Stage("prod", From("uat"));
        var verifiedOld = Old with { Status = VerifiedIn("uat") };

        Decide(stage, [verifiedOld, Newest, Mid]).Promote!.Metadata.Name.ShouldBe("old");
    }

    [Fact]
    public void Nothing_when_auto_promotion_is_not_enabled()
    {
        var off = Enabled with { Spec = new ProjectConfigSpec { PromotionPolicies = [new PromotionPolicy { Stage = "dev" }] } };

        var decision = Decide(Dev, config: off);

        decision.Promote.ShouldBeNull();
        decision.Reason.ShouldBe("auto-promotion is not enabled for this Stage by the ProjectConfig");
    }

    [Fact]
    public void Control_flow_stages_are_never_auto_promoted() =>
        Decide(Stage("junction", new FreightSources { Direct = true }, steps: false)).Promote.ShouldBeNull();

    [Fact]
    public void Match_upstream_takes_the_freight_in_the_upstream_stage()
    {
        var stage = Stage("prod", From("uat") with { AutoPromotionOptions = new AutoPromotionOptions { SelectionPolicy = AutoPromotionSelectionPolicy.MatchUpstream } });
        var inUat = Mid with { Status = VerifiedIn("uat", since: Now.AddHours(-2)) };
        var verifiedNewer = Newest with { Status = VerifiedIn("uat") };

        var decision = Decide(stage, [Old, inUat, verifiedNewer]);

        decision.Promote!.Metadata.Name.ShouldBe("mid");
        decision.Reason.ShouldBe("the Freight in uat");
    }

    [Fact]
    public void Match_upstream_waits_when_the_upstream_momentarily_holds_two()
    {
        var stage = Stage("prod", From("uat") with { AutoPromotionOptions = new AutoPromotionOptions { SelectionPolicy = AutoPromotionSelectionPolicy.MatchUpstream } });

        var decision = Decide(stage, [Mid with { Status = VerifiedIn("uat", since: Now) }, Newest with { Status = VerifiedIn("uat", since: Now) }]);

        decision.Promote.ShouldBeNull();
        decision.Reason.ShouldBe("uat momentarily holds several Freight from Warehouse/w; waiting");
    }

    [Fact]
    public void A_held_origin_is_not_auto_promoted()
    {
        var hold = new AutoPromotionHold { FreightName = "old", Origin = Warehouse(), Actor = "alice" };

        var decision = Decide(Dev, holds: new Dictionary<string, AutoPromotionHold> { ["Warehouse/w"] = hold });

        decision.Promote.ShouldBeNull();
        decision.Reason.ShouldBe("auto-promotion of Warehouse/w is held since Freight old was promoted manually by alice");
    }

    [Fact]
    public void A_hold_on_another_origin_does_not_matter()
    {
        var hold = new AutoPromotionHold { FreightName = "x", Origin = Warehouse("other") };

        Decide(Dev, holds: new Dictionary<string, AutoPromotionHold> { ["Warehouse/other"] = hold }).Promote.ShouldNotBeNull();
    }

    [Fact]
    public void Current_freight_is_not_promoted_again()
    {
        var stage = Dev with { Status = new StageStatus { FreightHistory = [Collection("c1", "newest")] } };

        Decide(stage).Reason.ShouldBe("Freight newest is already in this Stage");
    }

    [Theory]
    [InlineData(PromotionPhase.Failed)]
    [InlineData(PromotionPhase.Errored)]
    [InlineData(PromotionPhase.Aborted)]
    public void Freight_whose_last_promotion_did_not_succeed_is_never_retried(PromotionPhase phase)
    {
        var promotions = new[]
        {
            Promotion("dev.01a.x", "dev", "newest", PromotionPhase.Succeeded, "controller:kargo"),
            Promotion("dev.01b.x", "dev", "newest", phase, "controller:kargo"),
        };

        var decision = Decide(Dev, promotions: promotions);

        decision.Promote.ShouldBeNull();
        decision.Reason.ShouldBe($"the last Promotion of Freight newest (dev.01b.x) {phase}; promote it manually to retry");
    }

    [Fact]
    public void A_later_success_clears_an_earlier_failure()
    {
        var stage = Dev with { Status = new StageStatus { LastPromotion = new PromotionReference { Name = "dev.01c.x" } } };
        var promotions = new[]
        {
            Promotion("dev.01a.x", "dev", "newest", PromotionPhase.Failed),
            Promotion("dev.01b.x", "dev", "newest", PromotionPhase.Succeeded),
        };

        Decide(stage, promotions: promotions).Promote!.Metadata.Name.ShouldBe("newest");
    }

    [Fact]
    public void In_flight_promotion_of_the_candidate_blocks_a_second_one()
    {
        var decision = Decide(Dev, promotions: [Promotion("dev.01a.x", "dev", "newest", phase: null)]);

        decision.Reason.ShouldBe("Promotion dev.01a.x of Freight newest is already Pending");
    }

    [Fact]
    public void Succeeded_but_unprocessed_promotion_blocks()
    {
        var stage = Dev with { Status = new StageStatus { LastPromotion = new PromotionReference { Name = "dev.01a.x" } } };

        Decide(stage, promotions: [Promotion("dev.01b.x", "dev", "newest", PromotionPhase.Succeeded)])
            .Reason.ShouldBe("Promotion dev.01b.x of Freight newest succeeded and is not processed yet");
    }

    [Fact]
    public void No_available_freight_is_reported()
    {
        Decide(Stage("prod", From("uat"))).Reason.ShouldBe("no Freight from Warehouse/w is available");
    }
}
