using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class FreightAvailabilityTests
{
    public static TheoryData<string, Stage, Freight, bool, string> Cases() => new()
    {
        {
            "other origin", Stage("prod", From("uat")), Freight("f", warehouse: "other", status: VerifiedIn("uat")),
            false, "origin Warehouse/other is not requested by this Stage"
        },
        {
            "approval beats missing verification", Stage("prod", From("uat")),
            Freight("f", status: new FreightStatus { ApprovedFor = new Dictionary<string, ApprovedStage> { ["prod"] = new() { ApprovedAt = Now } } }),
            true, "approved for this Stage"
        },
        {
            "approval for another Stage does not count", Stage("prod", From("uat")),
            Freight("f", status: new FreightStatus { ApprovedFor = new Dictionary<string, ApprovedStage> { ["qa"] = new() { ApprovedAt = Now } } }),
            false, "not verified in uat"
        },
        { "direct", Stage("dev", new FreightSources { Direct = true }), Freight("f"), true, "direct from Warehouse/w" },
        { "no sources and no approval", Stage("dev", new FreightSources()), Freight("f"), false, "not approved" },
        { "verified upstream", Stage("prod", From("uat")), Freight("f", status: VerifiedIn("uat")), true, "verified in uat" },
        { "not verified upstream", Stage("prod", From("uat")), Freight("f"), false, "not verified in uat" },
        {
            "OneOf: one of two suffices", Stage("prod", From("uat", "qa")), Freight("f", status: VerifiedIn("qa")),
            true, "verified in qa"
        },
        {
            "OneOf: none lists every reason", Stage("prod", From("uat", "qa")), Freight("f"),
            false, "not verified in uat; not verified in qa"
        },
        {
            "All: one missing", Stage("prod", From("uat", "qa") with { AvailabilityStrategy = AvailabilityStrategy.All }),
            Freight("f", status: VerifiedIn("qa")), false, "not verified in uat"
        },
        {
            "All: every upstream verified", Stage("prod", From("uat", "qa") with { AvailabilityStrategy = AvailabilityStrategy.All }),
            Freight("f", status: new FreightStatus
            {
                VerifiedIn = new Dictionary<string, VerifiedStage> { ["uat"] = new() { VerifiedAt = Now }, ["qa"] = new() { VerifiedAt = Now } },
            }),
            true, "verified in uat; verified in qa"
        },
        {
            "soaking: current stay too short", Stage("prod", From("uat") with { RequiredSoakTime = "1h" }),
            Freight("f", status: VerifiedIn("uat", since: Now.AddMinutes(-18))), false, "soaking in uat: 42m left"
        },
        {
            "soaked by the current stay", Stage("prod", From("uat") with { RequiredSoakTime = "1h" }),
            Freight("f", status: VerifiedIn("uat", since: Now.AddMinutes(-65))), true, "verified in uat, soaked 1h5m"
        },
        {
            "soaked by an earlier, longer stay", Stage("prod", From("uat") with { RequiredSoakTime = "2h" }),
            Freight("f", status: VerifiedIn("uat", longestSoak: "3h0m0s", since: Now.AddMinutes(-5))), true, "verified in uat, soaked 3h"
        },
        {
            "soak not counted before verification", Stage("prod", From("uat") with { RequiredSoakTime = "1h" }),
            Freight("f", status: new FreightStatus { CurrentlyIn = new Dictionary<string, CurrentStage> { ["uat"] = new() { Since = Now.AddDays(-3) } } }),
            false, "not verified in uat"
        },
        {
            "soak with no stay and no history", Stage("prod", From("uat") with { RequiredSoakTime = "30m" }),
            Freight("f", status: VerifiedIn("uat")), false, "soaking in uat: 30m left"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Availability_follows_the_rules(string name, Stage stage, Freight freight, bool available, string reason)
    {
        var result = FreightAvailability.Evaluate(stage, freight, Now);

        result.ShouldBe(new Availability(available, reason), name);
    }

    [Theory]
    [InlineData(null, 0, 0)]
    [InlineData("2h0m0s", 30, 120)]
    [InlineData("10m0s", 30, 30)]
    [InlineData("1h30m0s", -1, 90)]
    public void Soak_is_the_longer_of_the_history_and_the_current_stay(string? longest, int currentMinutes, int expectedMinutes)
    {
        var freight = Freight("f", status: VerifiedIn("uat", longest, currentMinutes < 0 ? null : Now.AddMinutes(-currentMinutes)));

        FreightAvailability.SoakTime(freight, "uat", Now).ShouldBe(TimeSpan.FromMinutes(expectedMinutes));
    }

    [Fact]
    public void Soak_is_zero_where_the_freight_is_not_verified()
    {
        var freight = Freight("f", status: VerifiedIn("uat", "5h0m0s", Now.AddHours(-9)));

        FreightAvailability.SoakTime(freight, "qa", Now).ShouldBe(TimeSpan.Zero);
    }
}
