using System.Text.Json;
using Dray.Core.Model.Freights;

namespace Dray.Core.Model.Promotions;

public sealed record PromotionStatus
{
    public string? LastHandledRefresh { get; init; }

    public PromotionPhase? Phase { get; init; }

    public string? Message { get; init; }

    public FreightReference? Freight { get; init; }

    /// <summary>The Stage's current collection with this Promotion's Freight swapped in.</summary>
    public FreightCollection? FreightCollection { get; init; }

    /// <summary>Health checks registered by steps, run by the Stage after the Promotion.</summary>
    public IReadOnlyList<HealthCheckStep>? HealthChecks { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Index of the step being executed.</summary>
    public long? CurrentStep { get; init; }

    public IReadOnlyList<StepExecutionMetadata>? StepExecutionMetadata { get; init; }

    /// <summary>Step outputs keyed by step alias; opaque.</summary>
    public JsonElement? State { get; init; }
}
