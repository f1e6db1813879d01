using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Promotions;

/// <summary>One step of a promotion: either a built-in step (<see cref="Uses"/>) or a task reference (<see cref="Task"/>).</summary>
public sealed record PromotionStep
{
    [MinLength(1)]
    public string? Uses { get; init; }

    public PromotionTaskReference? Task { get; init; }

    /// <summary>The alias under which the step's outputs are published.</summary>
    public string? As { get; init; }

    /// <summary>An expression; the step is skipped unless it evaluates to true. Not allowed with <see cref="Task"/>.</summary>
    public string? If { get; init; }

    public bool? ContinueOnError { get; init; }

    public PromotionStepRetry? Retry { get; init; }

    public IReadOnlyList<ExpressionVariable>? Vars { get; init; }

    /// <summary>The step's configuration, opaque until the step binds it to its own record.</summary>
    public JsonElement? Config { get; init; }
}
