namespace Dray.Core.Model.Promotions;

public sealed record PromotionStepRetry
{
    /// <summary>How long a step may keep returning Running, as a Go duration.</summary>
    public string? Timeout { get; init; }

    /// <summary>Consecutive errors tolerated before the step fails.</summary>
    public int? ErrorThreshold { get; init; }
}
