using System.Text.Json;
using Dray.Core.Model.Promotions;
using Shouldly;
using Xunit;
using static Dray.Core.Tests.Promotions.PromotionTestBed;

namespace Dray.Core.Tests.Promotions;

public sealed class PromotionRunnerTests : IAsyncLifetime
{
    private readonly PromotionTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Vars_are_stage_then_template_then_step_and_see_earlier_vars()
    {
        var name = await _bed.PromoteAsync(
            [Step("echo", """{"a":"${{ vars.a }}","b":"${{ vars.b }}","c":"${{ vars.c }}","d":"${{ vars.d }}","stage":"${{ ctx.stage }}"}""", alias: "out", vars: ("c", "step"))],
            stageVars: Vars(("a", "stage"), ("b", "stage")),
            templateVars: Vars(("b", "template"), ("c", "template"), ("d", "${{ vars.a }}-${{ vars.b }}")));

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Succeeded);
        var output = State(promotion).GetProperty("out");
        output.GetProperty("a").GetString().ShouldBe("stage");
        output.GetProperty("b").GetString().ShouldBe("template");
        output.GetProperty("c").GetString().ShouldBe("step");
        output.GetProperty("d").GetString().ShouldBe("stage-template");
        output.GetProperty("stage").GetString().ShouldBe(StageName);
    }

    [Fact]
    public async Task Outputs_are_published_under_the_alias_or_the_default_one()
    {
        var name = await _bed.PromoteAsync(
        [
            Step("echo", """{"v":"hello","n":"${{ 40 + 2 }}"}""", alias: "first"),
            Step("echo", """{"got":"${{ outputs.first.v }}","twice":"${{ outputs.first.n * 2 }}"}"""),
        ]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.StepExecutionMetadata!.Select(s => s.Alias).ShouldBe(["first", "step-2"]);
        var second = State(promotion).GetProperty("step-2");
        second.GetProperty("got").GetString().ShouldBe("hello");
        second.GetProperty("twice").GetInt32().ShouldBe(84);
        promotion.Status.CurrentStep.ShouldBe(2);
        promotion.Status.StepExecutionMetadata!.ShouldAllBe(s => s.StartedAt != null && s.FinishedAt != null);
    }

    [Fact]
    public async Task If_conditions_follow_success_failure_always_and_status()
    {
        var name = await _bed.PromoteAsync(
        [
            Step("fail", """{"message":"bad manifest"}""", alias: "f"),
            Step("echo", "{}", alias: "plain"),
            Step("echo", "{}", alias: "onFailure", condition: "${{ failure() }}"),
            Step("echo", "{}", alias: "onSuccess", condition: "${{ success() }}"),
            Step("echo", "{}", alias: "always", condition: "${{ always() }}"),
            Step("echo", "{}", alias: "byStatus", condition: "${{ status('f') == 'Failed' }}"),
            Step("echo", "{}", alias: "notBool", condition: "${{ 'yes' }}"),
            Step("echo", "{}", alias: "afterNotBool", condition: "${{ always() }}"),
        ]);

        var promotion = await _bed.RunToEndAsync(name);

        Statuses(promotion).ShouldBe(
        [
            ("f", PromotionStepStatus.Failed),
            ("plain", PromotionStepStatus.Skipped),
            ("onFailure", PromotionStepStatus.Succeeded),
            ("onSuccess", PromotionStepStatus.Skipped),
            ("always", PromotionStepStatus.Succeeded),
            ("byStatus", PromotionStepStatus.Succeeded),
            ("notBool", PromotionStepStatus.Errored),
            ("afterNotBool", PromotionStepStatus.Succeeded),
        ]);
        promotion.Status!.StepExecutionMetadata![6].Message!.ShouldContain("must evaluate to a bool");
        promotion.Status.Phase.ShouldBe(PromotionPhase.Errored);
        promotion.Status.StepExecutionMetadata[0].Message.ShouldBe("bad manifest");
    }

    [Fact]
    public async Task Continue_on_error_lets_later_steps_run_and_the_promotion_succeed()
    {
        var name = await _bed.PromoteAsync(
        [
            Step("fail", "{}", alias: "optional", continueOnError: true),
            Step("echo", """{"ran":true}""", alias: "next"),
        ]);

        var promotion = await _bed.RunToEndAsync(name);

        Statuses(promotion).ShouldBe([("optional", PromotionStepStatus.Failed), ("next", PromotionStepStatus.Succeeded)]);
        promotion.Status!.StepExecutionMetadata![0].ContinueOnError.ShouldBe(true);
        promotion.Status.Phase.ShouldBe(PromotionPhase.Succeeded);
    }

    [Fact]
    public async Task A_retryable_error_is_retried_up_to_the_threshold()
    {
        var name = await _bed.PromoteAsync([Step("flaky", """{"name":"x","times":2}""", alias: "f", retry: new PromotionStepRetry { ErrorThreshold = 3 })]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Succeeded);
        _bed.Counters.Get(name + "/x").ShouldBe(3);
        State(promotion).GetProperty("f").GetProperty("attempts").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Without_a_threshold_one_error_ends_the_step()
    {
        var name = await _bed.PromoteAsync([Step("flaky", """{"name":"x","times":5}""", alias: "f")]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Errored);
        _bed.Counters.Get(name + "/x").ShouldBe(1);
        promotion.Status.StepExecutionMetadata![0].ErrorCount.ShouldBe(1);
        promotion.Status.StepExecutionMetadata[0].Message.ShouldBe("upstream answered 503");
    }

    [Theory]
    [InlineData(2, null, PromotionPhase.Succeeded, 3)]
    [InlineData(5, null, PromotionPhase.Errored, 3)]
    [InlineData(2, 1, PromotionPhase.Errored, 1)]
    public async Task A_step_may_bring_its_own_retry_defaults(int errors, int? threshold, PromotionPhase phase, int attempts)
    {
        var retry = threshold is null ? null : new PromotionStepRetry { ErrorThreshold = threshold };
        var name = await _bed.PromoteAsync([Step("patient-flaky", $$"""{"name":"x","times":{{errors}}}""", retry: retry)]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(phase);
        _bed.Counters.Get(name + "/x").ShouldBe(attempts);
    }

    [Fact]
    public async Task A_retry_timeout_ends_the_step_with_its_original_error()
    {
        var name = await _bed.PromoteAsync(
            [Step("flaky", """{"name":"x","times":100}""", alias: "f", retry: new PromotionStepRetry { ErrorThreshold = 100, Timeout = "5s" })]);

        var promotion = await _bed.RunToEndAsync(name);

        var step = promotion.Status!.StepExecutionMetadata![0];
        step.Status.ShouldBe(PromotionStepStatus.Errored);
        step.Message.ShouldBe("upstream answered 503");
        _bed.Counters.Get(name + "/x").ShouldBeInRange(2, 10);
        promotion.Status.Message.ShouldBe("upstream answered 503");
    }

    [Fact]
    public async Task A_running_step_is_polled_after_its_retry_after_without_blocking()
    {
        var name = await _bed.PromoteAsync([Step("poll", "{}", alias: "wait"), Step("echo", """{"done":true}""", alias: "after")]);

        var first = await _bed.Runner.RunAsync(Key(name), CancellationToken.None);

        first!.Phase.ShouldBe(PromotionPhase.Running);
        first.RequeueAfter.ShouldBe(TimeSpan.FromSeconds(10));
        var saved = await _bed.GetAsync(name);
        saved.Status!.StepExecutionMetadata![0].Status.ShouldBe(PromotionStepStatus.Running);
        saved.Status.StepExecutionMetadata[0].Message.ShouldBe("waiting (1)");
        saved.Status.CurrentStep.ShouldBe(0);
        saved.Status.Phase.ShouldBe(PromotionPhase.Running);
        saved.Status.Freight!.Name.ShouldBe(FreightName);

        var promotion = await _bed.RunToEndAsync(name);

        Statuses(promotion).ShouldBe([("wait", PromotionStepStatus.Succeeded), ("after", PromotionStepStatus.Succeeded)]);
        _bed.Counters.Get(name + "/poll").ShouldBe(3);
    }

    [Fact]
    public async Task A_running_step_past_its_timeout_errors()
    {
        var name = await _bed.PromoteAsync([Step("poll", "{}", alias: "wait", retry: new PromotionStepRetry { Timeout = "5s" })]);

        var promotion = await _bed.RunToEndAsync(name);

        promotion.Status!.Phase.ShouldBe(PromotionPhase.Errored);
        promotion.Status.StepExecutionMetadata![0].Message.ShouldBe("step timed out after 5s (last: waiting (2))");
    }

    [Fact]
    public async Task An_expression_error_in_config_is_terminal_and_names_the_column()
    {
        var name = await _bed.PromoteAsync([Step("flaky", """{"name":"x","times":"${{ 1 + }}"}""", alias: "bad", retry: new PromotionStepRetry { ErrorThreshold = 5 })]);

        var promotion = await _bed.RunToEndAsync(name);

        var step = promotion.Status!.StepExecutionMetadata![0];
        step.Status.ShouldBe(PromotionStepStatus.Errored);
        step.Message!.ShouldContain("column");
        step.Message!.ShouldContain("1 +");
        step.ErrorCount.ShouldBeNull();
        _bed.Counters.Get(name + "/x").ShouldBe(0);
        promotion.Status.Phase.ShouldBe(PromotionPhase.Errored);
    }

    [Fact]
    public async Task An_unknown_step_errors_and_later_steps_are_skipped()
    {
        var name = await _bed.PromoteAsync([Step("no-such-step", "{}"), Step("echo", "{}")]);

        var promotion = await _bed.RunToEndAsync(name);

        Statuses(promotion).ShouldBe([("step-1", PromotionStepStatus.Errored), ("step-2", PromotionStepStatus.Skipped)]);
        promotion.Status!.StepExecutionMetadata![0].Message!.ShouldContain("no-such-step");
    }

    private static JsonElement State(Promotion promotion) => promotion.Status!.State!.Value;

    private static (string?, PromotionStepStatus?)[] Statuses(Promotion promotion) =>
        promotion.Status!.StepExecutionMetadata!.Select(s => (s.Alias, s.Status)).ToArray();
}
