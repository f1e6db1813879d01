using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Dray.Core.Steps;

namespace Dray.Core.Tests.Promotions;

/// <summary>Like <see cref="EchoStep"/>, but its outputs propagate to the enclosing task's alias.</summary>
public sealed class ComposeStep : IPromotionStep, ITaskOutputPropagation
{
    public ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct) =>
        ValueTask.FromResult(StepResult.Succeeded((JsonObject)context.Config.DeepClone()));
}

/// <summary>Counts its runs and returns a terminal error.</summary>
public sealed class TerminalErrorStep(StepCounters counters) : IPromotionStep
{
    public ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        counters.Increment(context.Promotion + "/terminal");
        return ValueTask.FromResult(StepResult.Errored("the repository does not exist", terminal: true));
    }
}

public sealed record ScaleConfig
{
    [Range(1, 10)]
    public required int Replicas { get; init; }
}

/// <summary>A step with a typed, schema-validated config; counts its runs that got past validation.</summary>
public sealed class ScaleStep(StepCounters counters) : PromotionStep<ScaleConfig>
{
    protected override ValueTask<StepResult> RunAsync(StepContext context, ScaleConfig config, CancellationToken ct)
    {
        counters.Increment(context.Promotion + "/scale");
        return ValueTask.FromResult(StepResult.Succeeded(new JsonObject { ["replicas"] = config.Replicas }));
    }
}
