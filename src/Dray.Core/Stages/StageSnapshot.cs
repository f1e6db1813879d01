using Dray.Core.Model.Freights;
using Dray.Core.Model.Projects;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;

namespace Dray.Core.Stages;

/// <summary>What one Stage reconcile reads, loaded by the caller and judged by pure functions.</summary>
public sealed record StageSnapshot
{
    public required Stage Stage { get; init; }

    public ProjectConfig? ProjectConfig { get; init; }

    /// <summary>All Freight of the project.</summary>
    public required IReadOnlyList<Freight> Freight { get; init; }

    /// <summary>The Promotions of this Stage, in any order.</summary>
    public required IReadOnlyList<Promotion> Promotions { get; init; }

    /// <summary>The combined result of the registered health checks; null when nothing was assessed.</summary>
    public Health? Health { get; init; }

    public required DateTimeOffset Now { get; init; }

    public bool IsControlFlow => Stage.Spec.PromotionTemplate?.Spec?.Steps is not { Count: > 0 };
}
