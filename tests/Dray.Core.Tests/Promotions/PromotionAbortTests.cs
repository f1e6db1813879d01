using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Promotions;
using Shouldly;
using Xunit;
using static Dray.Core.Tests.Promotions.PromotionTestBed;

namespace Dray.Core.Tests.Promotions;

public sealed class PromotionAbortTests : IAsyncLifetime
{
    private readonly PromotionTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Abort_cancels_a_blocking_step_at_once_through_the_change_feed()
    {
        var name = await _bed.PromoteAsync([Step("echo", "{}", alias: "before"), Step("block", "{}", alias: "stuck"), Step("echo", "{}", alias: "after")]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = _bed.Runner.RunAsync(Key(name), timeout.Token);
        while (_bed.Counters.Get(name + "/block") == 0)
        {
            await Task.Delay(10, timeout.Token);
        }

        (await new PromotionService(_bed.Store).AbortAsync(Project, name, "admin", timeout.Token)).ShouldBeTrue();

        // The bed's clock is fake and never advanced here, so no timer, poll or recheck interval can have ended the
        // run: only the change feed delivering the abort can. That is what makes the abort prompt, without timing
        // it on a loaded machine; the 30 s token only turns a missed abort into a failure instead of a hang.
        var result = await running.WaitAsync(timeout.Token);
        result!.Phase.ShouldBe(PromotionPhase.Aborted);
        var promotion = await _bed.GetAsync(name);
        promotion.Status!.Phase.ShouldBe(PromotionPhase.Aborted);
        promotion.Status.StepExecutionMetadata!.Select(s => (s.Alias, s.Status)).ShouldBe(
            [("before", PromotionStepStatus.Succeeded), ("stuck", PromotionStepStatus.Aborted)]);
        promotion.Status.FinishedAt.ShouldNotBeNull();
        promotion.Metadata.Annotations![KargoAnnotations.Abort].ShouldBe("""{"action":"terminate","actor":"admin"}""");
    }

    [Fact]
    public async Task Abort_of_a_pending_promotion_runs_no_step()
    {
        var name = await _bed.PromoteAsync([Step("poll", "{}")]);

        (await new PromotionService(_bed.Store).AbortAsync(Project, name, null, CancellationToken.None)).ShouldBeTrue();
        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Aborted);
        _bed.Counters.Get(name + "/poll").ShouldBe(0);
    }

    [Fact]
    public async Task Abort_of_a_waiting_step_marks_it_aborted()
    {
        var name = await _bed.PromoteAsync([Step("poll", "{}", alias: "wait")]);
        (await _bed.Runner.RunAsync(Key(name), CancellationToken.None))!.Phase.ShouldBe(PromotionPhase.Running);

        await new PromotionService(_bed.Store).AbortAsync(Project, name, null, CancellationToken.None);
        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Aborted);
        promotion.Status.StepExecutionMetadata![0].Status.ShouldBe(PromotionStepStatus.Aborted);
        _bed.Counters.Get(name + "/poll").ShouldBe(1);
    }

    [Fact]
    public async Task Abort_has_no_effect_on_a_finished_promotion()
    {
        var name = await _bed.PromoteAsync([Step("echo", "{}")]);
        await _bed.RunToEndAsync(name);

        (await new PromotionService(_bed.Store).AbortAsync(Project, name, null, CancellationToken.None)).ShouldBeFalse();

        var promotion = await _bed.GetAsync(name);
        promotion.Status!.Phase.ShouldBe(PromotionPhase.Succeeded);
        promotion.Metadata.Annotations?.ContainsKey(KargoAnnotations.Abort).ShouldNotBe(true);
    }
}
