using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Projects;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class StageStatusCalculatorTests
{
    private static readonly ProjectConfig AutoAll = new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "p" },
        Spec = new ProjectConfigSpec { PromotionPolicies = [new PromotionPolicy { StageSelector = new PromotionPolicySelector { Name = "glob:*" }, AutoPromotionEnabled = true }] },
    };

    private static Freight Created(string name, int minute) =>
        Freight(name, Now.AddMinutes(minute)) with { Metadata = new ObjectMeta { Name = name, Namespace = "p", CreationTimestamp = Now.AddMinutes(minute) } };

    private static Promotion Done(string name, string freight, string actor, int minute)
    {
        var promotion = Promotion(name, "dev", freight, PromotionPhase.Succeeded, actor);
        return promotion with { Metadata = promotion.Metadata with { CreationTimestamp = Now.AddMinutes(minute) } };
    }

    private static StageSnapshot Snapshot(ProjectConfig? config, IReadOnlyList<Promotion> promotions, params Freight[] freight) => new()
    {
        Stage = Stage("dev", new FreightSources { Direct = true }) with { Status = new StageStatus { FreightHistory = [Collection("c", "f1")] } },
        ProjectConfig = config,
        Freight = freight,
        Promotions = promotions,
        Now = Now.AddHours(1),
    };

    [Fact]
    public void Mirrors_the_policy_summarises_the_freight_and_names_the_current_promotion()
    {
        var pending = Promotion("dev.09.f2", "dev", "f2", null);
        var status = StageStatusCalculator.Compute(Snapshot(AutoAll, [pending], Created("f1", 1)));
        status.AutoPromotionEnabled.ShouldBe(true);
        status.FreightSummary.ShouldBe("f1");
        status.CurrentPromotion!.Name.ShouldBe("dev.09.f2");
        StageStatusCalculator.Compute(Snapshot(null, [], Created("f1", 1))).AutoPromotionEnabled.ShouldBe(false);
    }

    [Fact]
    public void A_manual_promotion_of_older_freight_holds_and_one_of_the_candidate_lifts()
    {
        Freight[] freight = [Created("f1", 1), Created("f2", 2)];
        var held = StageStatusCalculator.Compute(Snapshot(AutoAll, [Done("dev.03.f1", "f1", "alice", 3)], freight));
        held.AutoPromotionHolds!["Warehouse/w"].FreightName.ShouldBe("f1");
        held.EffectiveAutoPromotionHolds.ShouldNotBeNull();

        var lifted = StageStatusCalculator.Compute(Snapshot(AutoAll, [Done("dev.03.f1", "f1", "alice", 3), Done("dev.04.f2", "f2", "alice", 4)], freight));
        lifted.AutoPromotionHolds.ShouldBeNull();

        var byController = StageStatusCalculator.Compute(Snapshot(AutoAll, [Done("dev.03.f1", "f1", "controller:dray", 3)], freight));
        byController.AutoPromotionHolds.ShouldBeNull();
        StageStatusCalculator.Compute(Snapshot(null, [Done("dev.03.f1", "f1", "alice", 3)], freight)).AutoPromotionHolds.ShouldBeNull();
    }

    [Fact]
    public void Freight_created_after_a_promotion_does_not_count_as_its_candidate()
    {
        var status = StageStatusCalculator.Compute(Snapshot(AutoAll, [Done("dev.03.f1", "f1", "alice", 3)], Created("f1", 1), Created("f2", 5)));
        status.AutoPromotionHolds.ShouldBeNull();
    }

    [Fact]
    public void Control_flow_stages_say_n_a()
    {
        var snapshot = Snapshot(AutoAll, []) with { Stage = Stage("gate", new FreightSources { Direct = true }, steps: false) };
        StageStatusCalculator.Compute(snapshot).FreightSummary.ShouldBe("N/A");
    }
}
