using System.Text.Json.Nodes;
using Dray.Core.Steps;

namespace Dray.Steps.Control;

/// <summary><c>compose-output</c>: its config, after expression evaluation, is its output.</summary>
public sealed class ComposeOutputStep : IPromotionStep, IStepConfigSchema, ITaskOutputPropagation
{
    public JsonObject ConfigSchema => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["type"] = "object",
        ["description"] = "Any keys; each value, usually an expression, becomes an output under the same key.",
    };

    public ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(StepResult.Succeeded((JsonObject)context.Config.DeepClone()));
    }
}
