using Dray.Core.Stages;
using static Dray.Core.Tests.Stages.StageFixtures;

namespace Dray.Core.Tests.Stages;

public sealed class AvailableFreightQueryTests
{
    [Fact]
    public void Lists_every_freight_newest_first_with_its_verdict()
    {
        var stage = Stage("prod", From("uat"));
        var old = Freight("old", Now.AddDays(-2), status: VerifiedIn("uat"));
        var newest = Freight("newest", Now.AddMinutes(-1));
        var foreign = Freight("foreign", Now.AddHours(-3), warehouse: "x");

        var rows = AvailableFreightQuery.For(stage, [old, foreign, newest], Now);

        rows.Select(r => (r.Freight.Metadata.Name, r.Available, r.Reason)).ShouldBe(
        [
            ("newest", false, "not verified in uat"),
            ("foreign", false, "origin Warehouse/x is not requested by this Stage"),
            ("old", true, "verified in uat"),
        ]);
    }

    [Fact]
    public void Ties_go_to_the_larger_name_and_creation_time_stands_in_for_discovery()
    {
        var a = Freight("a", Now);
        var b = Freight("b", Now);
        var created = Freight("c", Now) with { DiscoveredAt = null, Metadata = Freight("c").Metadata with { CreationTimestamp = Now.AddDays(1) } };

        AvailableFreightQuery.NewestFirst([a, b, created]).Select(f => f.Metadata.Name).ShouldBe(["c", "b", "a"]);
    }
}
