namespace Dray.Core.Model.Stages;

/// <summary>Promotion window state (Enterprise-only in Kargo; carried, not enforced).</summary>
public sealed record PromotionWindowStatus
{
    public required bool Closed { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset? NextOpen { get; init; }

    public DateTimeOffset? NextClose { get; init; }

    public string? NextCloseReason { get; init; }
}
