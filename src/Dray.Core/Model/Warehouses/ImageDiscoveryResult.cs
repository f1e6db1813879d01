using System.ComponentModel.DataAnnotations;

namespace Dray.Core.Model.Warehouses;

public sealed record ImageDiscoveryResult
{
    [MinLength(1)]
    public required string RepoURL { get; init; }

    public string? Platform { get; init; }

    public string? SubscriptionName { get; init; }

    public IReadOnlyList<DiscoveredImageReference>? References { get; init; }
}
