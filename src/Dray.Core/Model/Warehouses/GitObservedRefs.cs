namespace Dray.Core.Model.Warehouses;

public sealed record GitObservedRefs
{
    public string? BranchHead { get; init; }

    public IReadOnlyList<GitObservedTag>? Tags { get; init; }
}
