using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class FreightTransitionsTests
{
    [Fact]
    public void Entering_sets_since_once()
    {
        var entered = FreightTransitions.EnterStage(Freight("f"), "uat", Now);
        var again = FreightTransitions.EnterStage(entered, "uat", Now.AddHours(1));

        again.Status!.CurrentlyIn!["uat"].Since.ShouldBe(Now);
    }

    [Fact]
    public void Leaving_a_verified_stage_records_the_longest_soak()
    {
        var freight = FreightTransitions.EnterStage(Freight("f"), "uat", Now);
        freight = FreightTransitions.MarkVerified(freight, "uat", Now.AddMinutes(5));

        var left = FreightTransitions.LeaveStage(freight, "uat", Now.AddMinutes(65));

        left.Status!.CurrentlyIn!.ShouldNotContainKey("uat");
        left.Status.VerifiedIn!["uat"].LongestSoak.ShouldBe("1h5m0s");
        left.Status.VerifiedIn["uat"].VerifiedAt.ShouldBe(Now.AddMinutes(5));
    }

    [Fact]
    public void A_shorter_later_stay_keeps_the_longest_soak()
    {
        var freight = Freight("f", status: VerifiedIn("uat", "2h0m0s", Now));

        var left = FreightTransitions.LeaveStage(freight, "uat", Now.AddMinutes(10));

        left.Status!.VerifiedIn!["uat"].LongestSoak.ShouldBe("2h0m0s");
    }

    [Fact]
    public void Leaving_an_unverified_stage_records_no_soak()
    {
        var freight = FreightTransitions.EnterStage(Freight("f"), "uat", Now);

        var left = FreightTransitions.LeaveStage(freight, "uat", Now.AddHours(5));

        left.Status!.VerifiedIn.ShouldBeEmpty();
        left.Status.CurrentlyIn.ShouldBeEmpty();
    }

    [Fact]
    public void Verified_keeps_the_first_verification_time()
    {
        var once = FreightTransitions.MarkVerified(Freight("f"), "uat", Now);

        FreightTransitions.MarkVerified(once, "uat", Now.AddHours(1)).Status!.VerifiedIn!["uat"].VerifiedAt.ShouldBe(Now);
    }

    [Fact]
    public void Failed_reverification_revokes_and_downstream_loses_the_freight_5144()
    {
        var prod = Stage("prod", From("uat"));
        var freight = FreightTransitions.MarkVerified(Freight("f"), "uat", Now);
        FreightAvailability.Evaluate(prod, freight, Now).Available.ShouldBeTrue();

        var revoked = FreightTransitions.RevokeVerification(freight, "uat");

        revoked.Status!.VerifiedIn!.ShouldNotContainKey("uat");
        FreightAvailability.Evaluate(prod, revoked, Now).ShouldBe(Availability.No("not verified in uat"));
    }

    [Fact]
    public void Approval_records_the_time_and_makes_the_freight_available()
    {
        var prod = Stage("prod", From("uat"));

        var change = FreightTransitions.Approve(Freight("f"), prod, Now);

        change.Succeeded.ShouldBeTrue();
        change.Freight!.Status!.ApprovedFor!["prod"].ApprovedAt.ShouldBe(Now);
        FreightAvailability.Evaluate(prod, change.Freight, Now).Available.ShouldBeTrue();
    }

    [Fact]
    public void Approval_fails_when_the_stage_does_not_request_the_origin()
    {
        var change = FreightTransitions.Approve(Freight("f", warehouse: "other"), Stage("prod", From("uat")), Now);

        change.Succeeded.ShouldBeFalse();
        change.Freight.ShouldBeNull();
        change.Error.ShouldBe("Freight f comes from Warehouse/other, which Stage prod does not request");
    }

    [Fact]
    public void Transitions_leave_other_stages_alone()
    {
        var freight = Freight("f", status: new FreightStatus
        {
            VerifiedIn = new Dictionary<string, VerifiedStage> { ["qa"] = new() { VerifiedAt = Now } },
            CurrentlyIn = new Dictionary<string, CurrentStage> { ["qa"] = new() { Since = Now } },
        });

        var changed = FreightTransitions.RevokeVerification(FreightTransitions.LeaveStage(FreightTransitions.EnterStage(freight, "uat", Now), "uat", Now), "uat");

        changed.Status!.VerifiedIn!.Keys.ShouldBe(["qa"]);
        changed.Status.CurrentlyIn!.Keys.ShouldBe(["qa"]);
    }
}
