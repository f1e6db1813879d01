using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Model.Projects;

public sealed record IndexSelector
{
    [MinLength(1)]
    public IReadOnlyList<IndexSelectorRequirement>? MatchIndices { get; init; }
}
