using System.Text.Json.Nodes;
using Dray.Core.Model.Promotions;

namespace Dray.Core.Steps;

/// <summary>
/// What one run of a step produced. A <see cref="Terminal"/> result is never retried; <see cref="RetryAfter"/>
/// tells the engine when to poll a <c>Running</c> step again.
/// </summary>
public sealed record StepResult
{
    public required PromotionStepStatus Status { get; init; }

    public string? Message { get; init; }

    /// <summary>Stored under the step's alias and readable by later steps as <c>outputs.&lt;alias&gt;</c>.</summary>
    public JsonObject Outputs { get; init; } = [];

    public bool Terminal { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Checks the Stage keeps evaluating after the Promotion succeeds.</summary>
    public IReadOnlyList<HealthCheckStep> HealthChecks { get; init; } = [];

    public static StepResult Succeeded(JsonObject? outputs = null) =>
        new() { Status = PromotionStepStatus.Succeeded, Outputs = outputs ?? [] };

    public static StepResult Skipped(string? message = null) =>
        new() { Status = PromotionStepStatus.Skipped, Message = message };

    public static StepResult Running(TimeSpan? retryAfter, string? message = null) =>
        new() { Status = PromotionStepStatus.Running, RetryAfter = retryAfter, Message = message };

    public static StepResult Failed(string message, bool terminal = false) =>
        new() { Status = PromotionStepStatus.Failed, Message = message, Terminal = terminal };

    public static StepResult Errored(string message, bool terminal = false) =>
        new() { Status = PromotionStepStatus.Errored, Message = message, Terminal = terminal };

    public static StepResult Aborted(string? message = null) =>
        new() { Status = PromotionStepStatus.Aborted, Message = message, Terminal = true };
}
