namespace Dray.Core.Model.Stages;

/// <summary>A PromotionRequest (unreleased Kargo 1.12) a target-aware Stage is working on.</summary>
public sealed record PromotionRequestReference
{
    public required string Name { get; init; }

    public PromotionRequestFreight? Freight { get; init; }

    public string? Phase { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
