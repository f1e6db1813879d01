using Bunit;
using Dray.Core.Model.Stages;
using Dray.Core.Stages;
using Dray.Server.Ui.Components;
using Dray.Server.Ui.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Server.Tests.Ui;

/// <summary>The pieces the promote and roll-back actions are built from: what is offered, what is refused and why.</summary>
public sealed class ActionComponentsTests : UiTestContext
{
    public ActionComponentsTests() => Bunit.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(UiModels.Now));

    [Fact]
    public void Freight_choices_offer_promote_only_where_available_and_show_the_reason_elsewhere()
    {
        var chosen = new List<string>();
        var rows = new[]
        {
            new AvailableFreight(UiModels.Freight("f2", "brave-otter"), true, "direct from Warehouse/app"),
            new AvailableFreight(UiModels.Freight("f1", "steady-heron"), false, "not verified in test"),
        };

        var cut = Render<FreightChoiceList>(p => p.Add(c => c.Rows, rows).Add(c => c.CurrentFreight, "f1").Add(c => c.OnChoose, (string f) => chosen.Add(f)));

        var available = cut.Find("tr[data-choice=f2]");
        var blocked = cut.Find("tr[data-choice=f1]");
        available.QuerySelector("button")!.GetAttribute("aria-label").ShouldBe("Promote brave-otter");
        blocked.QuerySelector("button").ShouldBeNull();
        blocked.TextContent.ShouldContain("not verified in test");
        blocked.TextContent.ShouldContain("Blocked");
        blocked.TextContent.ShouldContain("Current");
        available.QuerySelector("button")!.Click();
        chosen.ShouldBe(["f2"]);
    }

    [Fact]
    public void Stage_history_offers_roll_back_to_earlier_freight_and_explains_a_blocked_one()
    {
        var rolledBack = new List<string>();
        var stage = UiModels.Stage("dev", ("f3", VerificationPhase.Running), ("f2", VerificationPhase.Successful), ("f1", null));
        var availability = new Dictionary<string, AvailableFreight>
        {
            ["f2"] = new(UiModels.Freight("f2", "b"), true, "direct"),
            ["f1"] = new(UiModels.Freight("f1", "a"), false, "origin Warehouse/old is not requested by this Stage"),
        };

        var cut = Bunit.Render<StageHistory>(p => p
            .Add(c => c.Stage, stage)
            .Add(c => c.Aliases, new Dictionary<string, string> { ["f3"] = "newest", ["f2"] = "middle", ["f1"] = "oldest" })
            .Add(c => c.Availability, availability)
            .Add(c => c.OnRollback, (string f) => rolledBack.Add(f))
            .AddCascadingValue(new UiContext("demo", "admin", CanAct: true)));

        cut.Find("tr[data-history=f3]").QuerySelector("button").ShouldBeNull("the current Freight is not a roll-back target");
        cut.Find("tr[data-history=f3]").TextContent.ShouldContain("Verification running");
        cut.Find("tr[data-history=f1]").TextContent.ShouldContain("Cannot roll back: origin Warehouse/old is not requested");
        var button = cut.Find("tr[data-history=f2] button");
        button.GetAttribute("aria-label").ShouldBe("Roll back to middle");
        button.Click();
        rolledBack.ShouldBe(["f2"]);
        cut.Find("tr[data-history=f2] a[href='/projects/demo/analysisruns/run-1']").TextContent.ShouldBe("details");
    }
}
