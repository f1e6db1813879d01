using System.Globalization;
using Dray.Core.Model.Promotions;
using Shouldly;
using Xunit;
using static Dray.Core.Tests.Promotions.PromotionTestBed;

namespace Dray.Core.Tests.Promotions;

public sealed class PromotionResumeTests : IAsyncLifetime
{
    private readonly PromotionTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task After_a_restart_the_promotion_resumes_at_the_first_unfinished_step()
    {
        var one = _bed.File("one.count");
        var two = _bed.File("two.count");
        var three = _bed.File("three.count");
        var name = await _bed.PromoteAsync(
        [
            Step("file-counter", $$"""{"file":"{{one}}"}""", alias: "one"),
            Step("file-counter", $$"""{"file":"{{two}}"}""", alias: "two"),
            Step("poll", "{}", alias: "wait"),
            Step("file-counter", $$"""{"file":"{{three}}"}""", alias: "three"),
            Step("echo", """{"sum":"${{ outputs.one.count + outputs.two.count + outputs.three.count }}"}""", alias: "sum"),
        ]);

        (await _bed.Runner.RunAsync(Key(name), CancellationToken.None))!.Phase.ShouldBe(PromotionPhase.Running);
        var saved = await _bed.GetAsync(name);
        saved.Status!.CurrentStep.ShouldBe(2);
        saved.Status.StepExecutionMetadata!.Take(2).ShouldAllBe(s => s.Status == PromotionStepStatus.Succeeded);

        await _bed.ReopenAsync();
        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Succeeded);
        Count(one).ShouldBe(1);
        Count(two).ShouldBe(1);
        Count(three).ShouldBe(1);
        promotion.Status.State!.Value.GetProperty("sum").GetProperty("sum").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task When_the_work_directory_is_lost_the_promotion_replays_from_the_first_step()
    {
        var one = _bed.File("one.count");
        var two = _bed.File("two.count");
        var name = await _bed.PromoteAsync(
        [
            Step("file-counter", $$"""{"file":"{{one}}"}""", alias: "one"),
            Step("poll", "{}", alias: "wait"),
            Step("file-counter", $$"""{"file":"{{two}}"}""", alias: "two"),
        ]);
        (await _bed.Runner.RunAsync(Key(name), CancellationToken.None))!.Phase.ShouldBe(PromotionPhase.Running);
        (await _bed.GetAsync(name)).Status!.CurrentStep.ShouldBe(1);

        Directory.Delete(Path.Join(_bed.Options.WorkRoot, Project, name), recursive: true);
        await _bed.ReopenAsync();
        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Succeeded);
        Count(one).ShouldBe(2);
        Count(two).ShouldBe(1);
    }

    [Fact]
    public async Task A_kept_work_directory_is_not_replayed()
    {
        var one = _bed.File("one.count");
        var name = await _bed.PromoteAsync(
        [
            Step("file-counter", $$"""{"file":"{{one}}"}""", alias: "one"),
            Step("poll", "{}", alias: "wait"),
        ]);
        (await _bed.Runner.RunAsync(Key(name), CancellationToken.None))!.Phase.ShouldBe(PromotionPhase.Running);

        await _bed.ReopenAsync();
        (await _bed.RunToEndAsync(name)).Status!.Phase.ShouldBe(PromotionPhase.Succeeded);
        Count(one).ShouldBe(1);
    }

    private static int Count(string file) => int.Parse(File.ReadAllText(file), CultureInfo.InvariantCulture);
}
