using Dray.Core.Controllers;
using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Promotions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;
using static Dray.Core.Tests.Promotions.PromotionTestBed;

namespace Dray.Core.Tests.Promotions;

public sealed class PromotionQueueTests : IAsyncLifetime
{
    private readonly PromotionTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData("b:Pending,a:Pending,c:Pending", "a")]
    [InlineData("a:Succeeded,b:Pending,c:Pending", "b")]
    [InlineData("a:Pending,b:Running", "b")]
    [InlineData("a:Failed,b:Aborted", null)]
    [InlineData("a:Errored,c:Pending,b:Pending", "b")]
    public void The_running_promotion_keeps_the_slot_else_the_first_pending_by_name(string promotions, string? expected)
    {
        var list = promotions.Split(',').Select(p => p.Split(':')).Select(p => new Promotion
        {
            Metadata = new ObjectMeta { Name = p[0] },
            Spec = new PromotionSpec { Stage = "s", Steps = [] },
            Status = new PromotionStatus { Phase = Enum.Parse<PromotionPhase>(p[1]) },
        });

        PromotionQueue.Next(list).ShouldBe(expected);
    }

    [Fact]
    public async Task Two_promotions_of_one_stage_run_one_at_a_time_in_name_order()
    {
        await _bed.SetStageAsync([Step("poll", "{}"), Step("echo", "{}")]);
        var first = (await _bed.Creator.CreateAsync(Project, StageName, FreightName, null, CancellationToken.None)).Metadata.Name!;
        var second = (await _bed.Creator.CreateAsync(Project, StageName, FreightName, null, CancellationToken.None)).Metadata.Name!;
        var reconciler = new PromotionReconciler(_bed.Store, _bed.Runner, _bed.Options);

        (await reconciler.ReconcileAsync(Key(second), CancellationToken.None)).ShouldBe(ReconcileResult.After(_bed.Options.QueueRecheckInterval));
        (await _bed.GetAsync(second)).Status?.Phase.ShouldBeNull();

        (await reconciler.ReconcileAsync(Key(first), CancellationToken.None)).RequeueAfter.ShouldBe(TimeSpan.FromSeconds(10));
        (await _bed.GetAsync(first)).Status!.Phase.ShouldBe(PromotionPhase.Running);

        // The first one is Running: the second still waits.
        (await reconciler.ReconcileAsync(Key(second), CancellationToken.None)).ShouldBe(ReconcileResult.After(_bed.Options.QueueRecheckInterval));
        _bed.Counters.Get(second + "/poll").ShouldBe(0);

        for (var i = 0; i < 5 && (await _bed.GetAsync(first)).Status!.Phase == PromotionPhase.Running; i++)
        {
            ((FakeTimeProvider)_bed.Time).Advance(TimeSpan.FromSeconds(10));
            await reconciler.ReconcileAsync(Key(first), CancellationToken.None);
        }

        (await _bed.GetAsync(first)).Status!.Phase.ShouldBe(PromotionPhase.Succeeded);
        (await reconciler.ReconcileAsync(Key(second), CancellationToken.None)).RequeueAfter.ShouldBe(TimeSpan.FromSeconds(10));
        (await _bed.GetAsync(second)).Status!.Phase.ShouldBe(PromotionPhase.Running);
        (await reconciler.ReconcileAsync(Key(first), CancellationToken.None)).ShouldBe(ReconcileResult.Done);
    }
}
