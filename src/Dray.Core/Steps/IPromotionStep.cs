namespace Dray.Core.Steps;

/// <summary>A built-in promotion step. Implementations are stateless; everything a run needs is in the context.</summary>
public interface IPromotionStep
{
    ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct);
}
