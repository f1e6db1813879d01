using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Model.Warehouses;

public sealed record ChartDiscoveryResult
{
    [MinLength(1)]
    public required string RepoURL { get; init; }

    public string? Name { get; init; }

    public string? SemverConstraint { get; init; }

    public string? SubscriptionName { get; init; }

    public IReadOnlyList<string>? Versions { get; init; }
}
