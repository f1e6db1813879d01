using Dray.Core.FreightIdentity;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Shouldly;
using Xunit;
using static Dray.Core.Tests.Promotions.PromotionTestBed;

namespace Dray.Core.Tests.Promotions;

public sealed class PromotionSuccessTests : IAsyncLifetime
{
    private readonly PromotionTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Success_updates_the_stage_history_last_promotion_and_freight_currently_in()
    {
        var name = await _bed.PromoteAsync([Step("echo", """{"tag":"${{ imageFrom('registry.example/app').Tag }}","alias":"${{ ctx.targetFreight.alias }}"}""", alias: "e")]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Succeeded, promotion.Status.Message);
        promotion.Status.Freight!.Name.ShouldBe(FreightName);
        promotion.Status.State!.Value.GetProperty("e").GetProperty("tag").GetString().ShouldBe("1.2.3");
        promotion.Status.State!.Value.GetProperty("e").GetProperty("alias").GetString().ShouldBe("happy-fox");
        var stage = await _bed.GetAsync<Stage>(ResourceKinds.Stage, StageName);
        stage.Status!.LastPromotion!.Name.ShouldBe(name);
        stage.Status.LastPromotion.Status!.Phase.ShouldBe(PromotionPhase.Succeeded);
        var current = stage.Status.FreightHistory!.ShouldHaveSingleItem();
        current.Items!["Warehouse/w"].Name.ShouldBe(FreightName);
        current.Id.ShouldBe(FreightCollectionId.Compute([FreightName]));
        promotion.Status.FreightCollection!.Id.ShouldBe(current.Id);
        var freight = await _bed.GetAsync<Freight>(ResourceKinds.Freight, FreightName);
        freight.Status!.CurrentlyIn!.Keys.ShouldBe([StageName]);
    }

    [Fact]
    public async Task A_failed_promotion_changes_neither_stage_nor_freight()
    {
        var name = await _bed.PromoteAsync([Step("fail", "{}")]);

        (await _bed.RunToEndAsync(name)).Status!.Phase.ShouldBe(PromotionPhase.Failed);

        (await _bed.GetAsync<Stage>(ResourceKinds.Stage, StageName)).Status?.LastPromotion.ShouldBeNull();
        (await _bed.GetAsync<Freight>(ResourceKinds.Freight, FreightName)).Status?.CurrentlyIn.ShouldBeNull();
    }
}
