using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class AutoPromotionHoldsTests
{
    private static readonly Dictionary<string, AutoPromotionHold> Held = new()
    {
        ["Warehouse/w"] = new AutoPromotionHold { FreightName = "old", Origin = Warehouse() },
    };

    [Fact]
    public void Manually_promoting_other_than_the_candidate_holds_the_origin()
    {
        var holds = AutoPromotionHolds.Apply(null, Promotion("prod.01a.x", "prod", "old", PromotionPhase.Succeeded, "alice"), "newest");

        holds["Warehouse/w"].ShouldBe(new AutoPromotionHold
        {
            FreightName = "old",
            Origin = Warehouse(),
            PromotionName = "prod.01a.x",
            Actor = "alice",
            CreatedAt = Now,
        });
    }

    [Fact]
    public void Manually_promoting_the_candidate_lifts_the_hold() =>
        AutoPromotionHolds.Apply(Held, Promotion("prod.01a.x", "prod", "newest", PromotionPhase.Succeeded, "alice"), "newest").ShouldBeEmpty();

    [Theory]
    [InlineData(PromotionPhase.Failed, "alice")]
    [InlineData(PromotionPhase.Succeeded, "controller:kargo")]
    [InlineData(PromotionPhase.Succeeded, null)]
    public void Only_succeeded_user_promotions_change_holds(PromotionPhase phase, string? actor)
    {
        AutoPromotionHolds.Apply(null, Promotion("prod.01a.x", "prod", "old", phase, actor), "newest").ShouldBeEmpty();
        AutoPromotionHolds.Apply(Held, Promotion("prod.01a.x", "prod", "newest", phase, actor), "newest").ShouldBe(Held);
    }

    [Fact]
    public void A_rollback_holds_even_when_it_names_the_candidate()
    {
        var rollback = Promotion("prod.01a.x", "prod", "newest", PromotionPhase.Succeeded, "controller:kargo");
        rollback = rollback with
        {
            Metadata = rollback.Metadata with { Annotations = new Dictionary<string, string> { [KargoAnnotations.Rollback] = "true" } },
        };

        AutoPromotionHolds.Apply(null, rollback, "newest").Keys.ShouldBe(["Warehouse/w"]);
    }

    [Fact]
    public void Disabling_auto_promotion_clears_holds()
    {
        AutoPromotionHolds.Effective(Held, autoPromotionEnabled: false).ShouldBeEmpty();
        AutoPromotionHolds.Effective(Held, autoPromotionEnabled: true).ShouldBe(Held);
    }
}
