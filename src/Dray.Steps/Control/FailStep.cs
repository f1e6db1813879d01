using Dray.Core.Steps;

namespace Dray.Steps.Control;

/// <summary><c>fail</c>: always fails the Promotion, terminally; meant to be guarded by <c>if</c>.</summary>
public sealed class FailStep : PromotionStep<FailConfig>
{
    protected override ValueTask<StepResult> RunAsync(StepContext context, FailConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        var message = string.IsNullOrWhiteSpace(config.Message) ? "failed by a fail step" : config.Message;
        return ValueTask.FromResult(StepResult.Failed(message, terminal: true));
    }
}
