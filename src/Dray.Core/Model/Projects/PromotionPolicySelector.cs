using Dray.Core.Model.Common;

namespace Dray.Core.Model.Projects;

/// <summary>
/// Selects Stages (or Projects) by name and labels, ANDed. The name is exact, or a pattern prefixed with
/// <c>regex:</c>, <c>regexp:</c> or <c>glob:</c>.
/// </summary>
public sealed record PromotionPolicySelector
{
    public string? Name { get; init; }

    public IReadOnlyDictionary<string, string>? MatchLabels { get; init; }

    public IReadOnlyList<LabelSelectorRequirement>? MatchExpressions { get; init; }
}
