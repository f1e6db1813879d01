using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Stages;

public sealed record StageSpec
{
    public string? Shard { get; init; }

    /// <summary>Variables available to the promotion template and to verification arguments.</summary>
    public IReadOnlyList<ExpressionVariable>? Vars { get; init; }

    [MinLength(1)]
    public required IReadOnlyList<FreightRequest> RequestedFreight { get; init; }

    /// <summary>The steps every Promotion to this Stage runs. A Stage without one is a control-flow Stage.</summary>
    public PromotionTemplate? PromotionTemplate { get; init; }

    public Verification? Verification { get; init; }

    /// <summary>Makes the Stage target-aware (unreleased Kargo 1.12).</summary>
    public StageTargets? Targets { get; init; }
}
