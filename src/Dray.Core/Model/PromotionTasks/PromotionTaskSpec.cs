using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;
using Dray.Core.Model.Promotions;

namespace Dray.Core.Model.PromotionTasks;

public sealed record PromotionTaskSpec
{
    /// <summary>Task inputs; a variable without a value must be supplied by the caller.</summary>
    public IReadOnlyList<ExpressionVariable>? Vars { get; init; }

    /// <summary>The task's steps; each must use <c>uses</c>, as tasks cannot reference other tasks.</summary>
    [MinLength(1)]
    public required IReadOnlyList<PromotionStep> Steps { get; init; }
}
