using Dray.Core.GarbageCollection;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Tests.Stages;

namespace Dray.Core.Tests.GarbageCollection;

public sealed class GarbageSelectorTests
{
    private static readonly DateTimeOffset Now = StageFixtures.Now;
    private static readonly GarbageCollectionOptions Options = new() { MaxRetainedFreight = 2, MaxRetainedPromotions = 1, MinFreightDeletionAge = TimeSpan.FromDays(1), MinPromotionDeletionAge = TimeSpan.FromDays(1) };

    private static Freight Aged(int index, int daysOld, FreightStatus? status = null, int? createdDaysAgo = null) =>
        StageFixtures.Freight($"f{index:00}", Now.AddDays(-daysOld).AddMinutes(index), status: status) with
        {
            Metadata = new ObjectMeta { Name = $"f{index:00}", Namespace = "p", CreationTimestamp = Now.AddDays(-(createdDaysAgo ?? daysOld)).AddMinutes(index) },
        };

    [Fact]
    public void Keeps_n_freight_older_than_the_oldest_in_use_and_anything_young()
    {
        var inUse = new FreightStatus { CurrentlyIn = new Dictionary<string, CurrentStage> { ["dev"] = new() { Since = Now } } };
        // Newest first: f09..f00; f06 is in use, so f05 and f04 are kept; f03..f00 may go, except f01, stored only now.
        var freight = Enumerable.Range(0, 10).Select(i => Aged(i, 10, i == 6 ? inUse : null, i == 1 ? 0 : null)).ToList();

        var deleted = GarbageSelector.Freight(freight, [], [], Options, Now).Select(f => f.Metadata.Name).Order(StringComparer.Ordinal);

        deleted.ShouldBe(["f00", "f02", "f03"]);
    }

    [Fact]
    public void Freight_targeted_by_an_unfinished_promotion_or_current_in_a_stage_stays()
    {
        var freight = Enumerable.Range(0, 6).Select(i => Aged(i, 10)).ToList();
        var stage = StageFixtures.Stage("dev", new FreightSources { Direct = true }) with { Status = new StageStatus { FreightHistory = [StageFixtures.Collection("c", "f05")] } };
        var running = StageFixtures.Promotion("dev.1.f03", "dev", "f03", PromotionPhase.Running);

        var deleted = GarbageSelector.Freight(freight, [stage], [running], Options, Now).Select(f => f.Metadata.Name).Order(StringComparer.Ordinal);

        // In use: f05 (current) and f03 (being promoted); f02 and f01 are the two kept beyond it.
        deleted.ShouldBe(["f00"]);
    }

    [Fact]
    public void Keeps_n_finished_promotions_per_stage_and_every_unfinished_one()
    {
        Promotion Old(string name, PromotionPhase? phase) =>
            StageFixtures.Promotion(name, "dev", "f", phase) with
            {
                Status = phase is null ? null : new PromotionStatus { Phase = phase, FinishedAt = Now.AddDays(-5) },
            };

        var promotions = new[] { Old("dev.1", PromotionPhase.Succeeded), Old("dev.2", PromotionPhase.Failed), Old("dev.3", null), Old("dev.4", PromotionPhase.Succeeded) };

        GarbageSelector.Promotions(promotions, [], Options, Now).Select(p => p.Metadata.Name).Order(StringComparer.Ordinal).ShouldBe(["dev.1", "dev.2"]);
    }
}
