using Bunit;
using Dray.Server.Ui.Components;
using Dray.Server.Ui.Model;

namespace Dray.Server.Tests.Ui;

public sealed class FreightTimelineItemTests : UiTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Shows_alias_warehouse_and_age()
    {
        var cut = Render<FreightTimelineItem>(p => p
            .Add(c => c.Freight, Freight(currentlyIn: [], verifiedIn: [], approvedFor: []))
            .Add(c => c.Now, Now));

        cut.Find(".dray-freight-alias").TextContent.ShouldBe("brave-otter");
        cut.Markup.ShouldContain("from app");
        cut.Markup.ShouldContain("5m ago");
        cut.Markup.ShouldContain("Not in any Stage");
    }

    [Fact]
    public void Every_mark_carries_an_icon_and_a_text_label()
    {
        var cut = Render<FreightTimelineItem>(p => p
            .Add(c => c.Freight, Freight(currentlyIn: ["dev", "test"], verifiedIn: ["dev"], approvedFor: ["prod"]))
            .Add(c => c.Now, Now));

        var marks = cut.FindAll(".dray-mark");
        marks.Select(m => m.TextContent.Trim()).ShouldBe(["In dev", "In test", "Verified in dev", "Approved for prod"]);
        marks.ShouldAllBe(m => m.QuerySelector("svg") != null);
        cut.Markup.ShouldNotContain("Not in any Stage");
    }

    private static FreightView Freight(string[] currentlyIn, string[] verifiedIn, string[] approvedFor) =>
        new("f0c1a2", "brave-otter", "app", Now.AddMinutes(-5), currentlyIn, verifiedIn, approvedFor);
}
