namespace Dray.Core.Model.Promotions;

public sealed record StepExecutionMetadata
{
    public string? Alias { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Consecutive errors so far; compared with the step's retry threshold.</summary>
    public int? ErrorCount { get; init; }

    public PromotionStepStatus? Status { get; init; }

    public string? Message { get; init; }

    public bool? ContinueOnError { get; init; }
}
