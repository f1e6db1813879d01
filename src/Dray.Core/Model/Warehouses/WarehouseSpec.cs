using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Common;

namespace Dray.Core.Model.Warehouses;

public sealed record WarehouseSpec
{
    public const string DefaultInterval = "5m0s";

    public string? Shard { get; init; }

    /// <summary>How often to look for new artifacts, as a Go duration; <see cref="DefaultInterval"/> when unset.</summary>
    [RegularExpression(KargoPatterns.Duration)]
    [DefaultValue(DefaultInterval)]
    public string? Interval { get; init; }

    [DefaultValue(nameof(Warehouses.FreightCreationPolicy.Automatic))]
    public FreightCreationPolicy? FreightCreationPolicy { get; init; }

    public FreightCreationCriteria? FreightCreationCriteria { get; init; }

    [MinLength(1)]
    public required IReadOnlyList<RepoSubscription> Subscriptions { get; init; }
}
