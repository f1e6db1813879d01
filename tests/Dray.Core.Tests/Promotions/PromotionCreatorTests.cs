using System.Text.RegularExpressions;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Shouldly;
using Xunit;
using static Dray.Core.Tests.Promotions.PromotionTestBed;

namespace Dray.Core.Tests.Promotions;

public sealed partial class PromotionCreatorTests : IAsyncLifetime
{
    private readonly PromotionTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task The_promotion_is_named_from_stage_ulid_and_freight_and_records_the_actor()
    {
        await _bed.SetStageAsync([Step("echo", "{}")], stageVars: Vars(("a", "1")), templateVars: Vars(("b", "2")));

        var first = await _bed.Creator.CreateAsync(Project, StageName, FreightName, "alice", CancellationToken.None);
        var second = await _bed.Creator.CreateAsync(Project, StageName, FreightName, "alice", CancellationToken.None);

        NamePattern().IsMatch(first.Metadata.Name!).ShouldBeTrue(first.Metadata.Name);
        string.CompareOrdinal(first.Metadata.Name, second.Metadata.Name).ShouldBeLessThan(0);
        first.Metadata.Annotations![KargoAnnotations.CreateActor].ShouldBe("alice");
        first.Spec.Vars!.Select(v => v.Name).ShouldBe(["a", "b"]);
        first.Spec.Freight.ShouldBe(FreightName);
        first.Spec.Steps.Single().As.ShouldBe("step-1");
    }

    [Fact]
    public async Task A_stage_without_steps_is_rejected()
    {
        await _bed.SetStageAsync([]);

        var error = await Should.ThrowAsync<PromotionRejectedException>(
            () => _bed.Creator.CreateAsync(Project, StageName, FreightName, null, CancellationToken.None));

        error.Message.ShouldContain("no promotion steps");
    }

    [Fact]
    public async Task The_availability_hook_can_refuse()
    {
        await _bed.SetStageAsync([Step("echo", "{}")]);
        var creator = new PromotionCreator(_bed.Store, new Dray.Core.FreightIdentity.MonotonicUlidFactory(_bed.Time), new Refuse());

        var error = await Should.ThrowAsync<PromotionRejectedException>(
            () => creator.CreateAsync(Project, StageName, FreightName, null, CancellationToken.None));

        error.Message.ShouldBe("not approved for test");
        (await _bed.Store.ListAsync(new Dray.Core.Storage.ListQuery(ResourceKinds.Promotion.Kind, Project), CancellationToken.None)).Items.ShouldBeEmpty();
    }

    [GeneratedRegex("^test\\.[0-9a-z]{26}\\.abcdef0$")]
    private static partial Regex NamePattern();

    private sealed class Refuse : IFreightAvailability
    {
        public ValueTask<string?> CheckAsync(Stage stage, Freight freight, CancellationToken ct) =>
            ValueTask.FromResult<string?>($"not approved for {stage.Metadata.Name}");
    }
}
