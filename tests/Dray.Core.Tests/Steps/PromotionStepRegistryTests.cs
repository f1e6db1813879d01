using System.Text.Json.Nodes;
using Dray.Core.Steps;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Core.Tests.Steps;

public sealed class PromotionStepRegistryTests
{
    [Fact]
    public void Resolves_registered_steps_by_name()
    {
        using var provider = new ServiceCollection()
            .AddPromotionStep<EchoStep>("echo")
            .AddPromotionStep<OtherStep>("other")
            .BuildServiceProvider();
        var registry = provider.GetRequiredService<PromotionStepRegistry>();

        registry.Names.ShouldBe(["echo", "other"]);
        registry.TryGet("echo", out var step).ShouldBeTrue();
        step.ShouldBeOfType<EchoStep>();
        registry.TryGet("git-clone", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_second_step_under_the_same_name_throws_when_added()
    {
        var services = new ServiceCollection().AddPromotionStep<EchoStep>("echo");

        Should.Throw<InvalidOperationException>(() => services.AddPromotionStep<OtherStep>("echo"))
            .Message.ShouldBe("Promotion step \"echo\" is registered twice.");
    }

    [Fact]
    public void Duplicate_registrations_that_bypass_the_extension_throw_at_startup()
    {
        var registrations = new[]
        {
            new PromotionStepRegistration("echo", typeof(EchoStep), _ => new EchoStep()),
            new PromotionStepRegistration("echo", typeof(OtherStep), _ => new OtherStep()),
        };

        Should.Throw<InvalidOperationException>(() => new PromotionStepRegistry(registrations, new ServiceCollection().BuildServiceProvider()))
            .Message.ShouldBe("Promotion step \"echo\" is registered twice (EchoStep and OtherStep).");
    }

    [Fact]
    public void Exposes_the_schema_of_typed_steps_only()
    {
        using var provider = new ServiceCollection()
            .AddPromotionStep<EchoStep>("echo")
            .AddPromotionStep<OtherStep>("other")
            .BuildServiceProvider();
        var registry = provider.GetRequiredService<PromotionStepRegistry>();

        var schema = registry.Schema("echo").ShouldNotBeNull();
        schema["properties"]!["text"]!["type"]!.GetValue<string>().ShouldBe("string");
        registry.Schema("other").ShouldBeNull();
        registry.Schema("missing").ShouldBeNull();
    }

    public sealed record EchoConfig
    {
        public required string Text { get; init; }
    }

    private sealed class EchoStep : PromotionStep<EchoConfig>
    {
        protected override ValueTask<StepResult> RunAsync(StepContext context, EchoConfig config, CancellationToken ct) =>
            ValueTask.FromResult(StepResult.Succeeded(new JsonObject { ["text"] = config.Text }));
    }

    private sealed class OtherStep : IPromotionStep
    {
        public ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct) => ValueTask.FromResult(StepResult.Skipped());
    }
}
