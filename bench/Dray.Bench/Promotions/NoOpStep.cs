using Dray.Core.Steps;

namespace Dray.Bench.Promotions;

/// <summary>A step that does nothing, so a run measures only the engine.</summary>
internal sealed class NoOpStep : IPromotionStep
{
    public ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct) => ValueTask.FromResult(StepResult.Succeeded());
}
