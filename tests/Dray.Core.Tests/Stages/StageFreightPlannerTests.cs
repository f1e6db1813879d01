using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;
using Dray.Core.Stages.Verifying;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class StageFreightPlannerTests
{
    private static readonly VerificationDecision Nothing = new(VerificationAction.None, "");

    private static StageSnapshot Snapshot(Stage stage, params Freight[] freight) =>
        new() { Stage = stage, Freight = freight, Promotions = [], Now = Now };

    private static Stage WithLatest(VerificationPhase? phase)
    {
        var stage = Stage("dev", new FreightSources { Direct = true });
        var history = phase is null ? [] : new[] { new VerificationInfo { Id = "v", Phase = phase } };
        return stage with { Status = new StageStatus { FreightHistory = [Collection("c", "f1", history)] } };
    }

    [Fact]
    public void A_control_flow_stage_marks_every_available_freight_verified()
    {
        var gate = Stage("gate", new FreightSources { Direct = true }, steps: false);
        var changed = StageFreightPlanner.Plan(Snapshot(gate, Freight("f1"), Freight("f2", warehouse: "other")), Nothing);
        changed.Select(f => f.Metadata.Name).ShouldBe(["f1"]);
        changed[0].Status!.VerifiedIn!.Keys.ShouldBe(["gate"]);
    }

    [Fact]
    public void Already_verified_freight_is_not_written_again()
    {
        var gate = Stage("gate", new FreightSources { Direct = true }, steps: false);
        StageFreightPlanner.Plan(Snapshot(gate, Freight("f1", status: VerifiedIn("gate"))), Nothing).ShouldBeEmpty();
    }

    [Fact]
    public void Success_marks_and_failure_revokes_the_current_freight()
    {
        var marked = StageFreightPlanner.Plan(Snapshot(WithLatest(VerificationPhase.Successful), Freight("f1"), Freight("f2")), Nothing);
        marked.Select(f => f.Metadata.Name).ShouldBe(["f1"]);

        var revoked = StageFreightPlanner.Plan(Snapshot(WithLatest(VerificationPhase.Failed), Freight("f1", status: VerifiedIn("dev"))), Nothing);
        revoked.Single().Status!.VerifiedIn!.ContainsKey("dev").ShouldBeFalse();
    }

    [Fact]
    public void Running_or_aborted_verifications_change_nothing()
    {
        StageFreightPlanner.Plan(Snapshot(WithLatest(VerificationPhase.Running), Freight("f1", status: VerifiedIn("dev"))), Nothing).ShouldBeEmpty();
        StageFreightPlanner.Plan(Snapshot(WithLatest(VerificationPhase.Aborted), Freight("f1", status: VerifiedIn("dev"))), Nothing).ShouldBeEmpty();
        StageFreightPlanner.Plan(Snapshot(WithLatest(null), Freight("f1")), new VerificationDecision(VerificationAction.MarkVerified, "")).Count.ShouldBe(1);
    }
}
