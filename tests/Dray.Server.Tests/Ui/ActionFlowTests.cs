using Bunit;
using Dray.Core.FreightIdentity;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Server.Actions;
using Dray.Server.Ui.Components;
using Dray.Server.Ui.Model;
using Dray.Storage.Sqlite;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace Dray.Server.Tests.Ui;

/// <summary>The promote action end to end inside bunit: pick, confirm, and the Promotion is in the (real SQLite) store.</summary>
public sealed class ActionFlowTests : UiTestContext, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dray-ui-actions-").FullName;
    private readonly SqliteResourceStore _store;

    public ActionFlowTests()
    {
        var time = new FakeTimeProvider(UiModels.Now);
        _store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_directory, "dray.db") }, time);
        Bunit.Services.AddSingleton<TimeProvider>(time);
        Bunit.Services.AddSingleton<IResourceStore>(_store);
        Bunit.Services.AddSingleton<FreightAliasGenerator>();
        Bunit.Services.AddPromotionEngine();
        Bunit.Services.AddSingleton<Dray.Core.Stages.Verifying.StageVerificationService>();
        Bunit.Services.AddDrayActions();
        Bunit.Services.AddSingleton<DetailReader>();
        Bunit.Services.AddScoped<UiActionRunner>();
    }

    [Fact]
    public async Task Promote_picks_freight_asks_for_confirmation_then_creates_the_promotion()
    {
        await UiSeed.SeedAsync(_store, "flow");
        var cut = RenderWithDialogs("test");
        // The click's handler waits for the dialogs, so it finishes only after the confirmation.
        var opened = cut.Find("button[data-action=promote]").ClickAsync(new());

        var blocked = cut.WaitForElement("tr[data-choice=f-old]", TimeSpan.FromSeconds(30));
        blocked.QuerySelector("button").ShouldBeNull("f-old was never verified in dev");
        blocked.TextContent.ShouldContain("not verified in dev");
        _ = cut.Find("tr[data-choice=f-new] button").ClickAsync(new());

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("Promote brave-otter to Stage test?"), TimeSpan.FromSeconds(30));
        (await PromotionsAsync()).ShouldBeEmpty("nothing happens before the confirmation");
        _ = cut.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Promote").ClickAsync(new());

        await opened.WaitAsync(TimeSpan.FromSeconds(30));
        var promotion = await SinglePromotionAsync();
        ((string?)promotion.Json["spec"]!["stage"]).ShouldBe("test");
        ((string?)promotion.Json["spec"]!["freight"]).ShouldBe("f-new");
        promotion.GetAnnotation("kargo.akuity.io/create-actor").ShouldBe("alice");
    }

    [Fact]
    public async Task Cancelling_the_confirmation_promotes_nothing()
    {
        await UiSeed.SeedAsync(_store, "flow");
        var cut = RenderWithDialogs("dev");
        var opened = cut.Find("button[data-action=promote]").ClickAsync(new());
        _ = cut.WaitForElement("tr[data-choice=f-old] button", TimeSpan.FromSeconds(30)).ClickAsync(new());

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("Promote steady-heron to Stage dev?"), TimeSpan.FromSeconds(30));
        _ = cut.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());
        await opened.WaitAsync(TimeSpan.FromSeconds(30));

        cut.WaitForAssertion(() => cut.Markup.ShouldNotContain("Promote steady-heron to Stage dev?"), TimeSpan.FromSeconds(30));
        (await PromotionsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public void A_viewer_gets_no_action_buttons()
    {
        var stage = UiModels.Stage("dev", ("f2", null), ("f1", null));

        var history = Bunit.Render<StageHistory>(p => p.Add(c => c.Stage, stage).AddCascadingValue(new UiContext("demo", "ci", CanAct: false)));
        var promote = Bunit.Render<PromoteButton>(p => p.Add(c => c.Stage, "dev").AddCascadingValue(new UiContext("demo", "ci", CanAct: false)));

        history.FindAll("button").ShouldBeEmpty();
        promote.Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void A_stage_card_links_to_its_page_and_offers_promote_to_a_promoter()
    {
        var view = new StageView("dev", new PipelineNode("dev", ["app"], []), "brave-otter", Dray.Core.Model.Stages.HealthState.Healthy, null, null, false);

        var cut = Bunit.Render<StageCard>(p => p.Add(c => c.Stage, view).AddCascadingValue(new UiContext("demo", "admin", CanAct: true)));

        cut.Find("a[href='/projects/demo/stages/dev']").TextContent.ShouldBe("dev");
        cut.Find("button[data-action=promote]").GetAttribute("aria-label").ShouldBe("Promote Freight to dev");
    }

    private IRenderedComponent<ContainerFragment> RenderWithDialogs(string stage) =>
        Bunit.Render<ContainerFragment>(p => p.AddChildContent(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<CascadingValue<UiContext>>(1);
            builder.AddComponentParameter(2, nameof(CascadingValue<UiContext>.Value), new UiContext("flow", "alice", CanAct: true));
            builder.AddComponentParameter(3, nameof(CascadingValue<UiContext>.ChildContent), (RenderFragment)(b =>
            {
                b.OpenComponent<PromoteButton>(0);
                b.AddComponentParameter(1, nameof(PromoteButton.Stage), stage);
                b.CloseComponent();
            }));
            builder.CloseComponent();
        }));

    private async Task<ResourceDocument> SinglePromotionAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var promotions = await PromotionsAsync();
            if (promotions.Count > 0 || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                return promotions.ShouldHaveSingleItem();
            }

            await Task.Delay(50);
        }
    }

    private async Task<IReadOnlyList<ResourceDocument>> PromotionsAsync() =>
        (await _store.ListAsync(new ListQuery(ResourceKinds.Promotion.Kind, "flow"), default)).Items;

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
