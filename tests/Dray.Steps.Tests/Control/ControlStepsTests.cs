using Dray.Core.Model.Promotions;
using Dray.Steps.Control;

namespace Dray.Steps.Tests.Control;

public sealed class ControlStepsTests
{
    [Fact]
    public async Task Compose_output_returns_its_evaluated_config()
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new ComposeOutputStep(), """{"prURL":"https://git.example/pr/7","count":3,"nested":{"a":[true]}}""");

        result.Status.ShouldBe(PromotionStepStatus.Succeeded);
        result.Outputs.ToJsonString().ShouldBe("""{"prURL":"https://git.example/pr/7","count":3,"nested":{"a":[true]}}""");
        new ComposeOutputStep().ConfigSchema["type"]!.GetValue<string>().ShouldBe("object");
    }

    [Theory]
    [InlineData("""{"message":"prod is frozen until Monday"}""", "prod is frozen until Monday")]
    [InlineData("""{}""", "failed by a fail step")]
    public async Task Fail_always_fails_terminally_with_its_message(string config, string message)
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new FailStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Terminal.ShouldBeTrue();
        result.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("""{"message":42}""", "invalid config: config.message: ")]
    [InlineData("""{"reason":"x"}""", "invalid config: config.reason: unknown field")]
    public async Task Fail_with_an_invalid_config_names_the_field(string config, string message)
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new FailStep(), config);

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Message.ShouldStartWith(message);
    }
}
