using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.PromotionTasks;
using Shouldly;
using Xunit;
using static Dray.Core.Tests.Promotions.PromotionTestBed;

namespace Dray.Core.Tests.Promotions;

/// <summary>Issue 4's engine items not covered elsewhere: task output propagation, terminal results, schema violations.</summary>
public sealed class PromotionStepFeatureTests : IAsyncLifetime
{
    private readonly PromotionTestBed _bed = new();

    public async Task InitializeAsync()
    {
        var spec = new PromotionTaskSpec
        {
            Steps =
            [
                Step("echo", """{"sha":"abc123"}""", alias: "commit"),
                Step("compose", """{"commit":"${{ task.outputs.commit.sha }}","url":"https://git.example/pr/1"}""", alias: "result"),
            ],
        };
        await _bed.Store.CreateAsync(KargoJson.ToDocument(new PromotionTask { Metadata = new ObjectMeta { Name = "release", Namespace = Project }, Spec = spec }), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Compose_output_inside_a_task_is_readable_under_the_task_alias()
    {
        var name = await _bed.PromoteAsync(
        [
            TaskStep("release", "rel"),
            Step("echo", """{"commit":"${{ outputs.rel.commit }}","url":"${{ outputs.rel.url }}"}""", alias: "after"),
        ]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Succeeded, promotion.Status.Message);
        var state = promotion.Status.State!.Value;
        state.GetProperty("rel").GetRawText().ShouldBe("""{"commit":"abc123","url":"https://git.example/pr/1"}""");
        state.GetProperty("after").GetRawText().ShouldBe("""{"commit":"abc123","url":"https://git.example/pr/1"}""");
        state.GetProperty("rel::result").GetProperty("commit").GetString().ShouldBe("abc123");
    }

    [Fact]
    public async Task Outputs_of_other_task_steps_stay_under_their_own_alias()
    {
        var name = await _bed.PromoteAsync(
        [
            TaskStep("release", "rel"),
            Step("echo", """{"sha":"${{ outputs.rel.sha ?? 'none' }}"}""", alias: "after"),
        ]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.State!.Value.GetProperty("after").GetProperty("sha").GetString().ShouldBe("none");
    }

    [Fact]
    public async Task A_terminal_error_is_never_retried_whatever_the_threshold()
    {
        var name = await _bed.PromoteAsync([Step("terminal-error", alias: "t", retry: new PromotionStepRetry { ErrorThreshold = 5 })]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Errored);
        _bed.Counters.Get(name + "/terminal").ShouldBe(1);
        promotion.Status.Message.ShouldBe("the repository does not exist");
    }

    [Theory]
    [InlineData("""{"replicas":"three"}""", "invalid config: config.replicas: ")]
    [InlineData("""{"replicas":11}""", "invalid config: config.replicas: must be at most 10")]
    [InlineData("""{}""", "invalid config: config.replicas: required")]
    [InlineData("""{"replicas":2,"zone":"eu"}""", "invalid config: config.zone: unknown field")]
    public async Task A_schema_violation_is_terminal_and_names_the_field(string config, string message)
    {
        var name = await _bed.PromoteAsync([Step("scale", config, retry: new PromotionStepRetry { ErrorThreshold = 5 })]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Failed);
        promotion.Status.Message.ShouldStartWith(message);
        promotion.Status.StepExecutionMetadata![0].Message.ShouldStartWith(message);
        _bed.Counters.Get(name + "/scale").ShouldBe(0);
    }

    [Fact]
    public async Task A_valid_typed_config_runs()
    {
        var name = await _bed.PromoteAsync([Step("scale", """{"replicas":"${{ 1 + 2 }}"}""", alias: "s")]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Succeeded, promotion.Status.Message);
        promotion.Status.State!.Value.GetProperty("s").GetProperty("replicas").GetInt32().ShouldBe(3);
    }

    private static PromotionStep TaskStep(string task, string alias) =>
        new() { As = alias, Task = new PromotionTaskReference { Name = task } };
}
