using Dray.Core.Model.Common;

namespace Dray.Core.Model.Warehouses;

public sealed record WarehouseStatus
{
    public IReadOnlyList<Condition>? Conditions { get; init; }

    public string? LastHandledRefresh { get; init; }

    public long? ObservedGeneration { get; init; }

    /// <summary>The name of the last Freight this Warehouse produced.</summary>
    public string? LastFreightID { get; init; }

    public DiscoveredArtifacts? DiscoveredArtifacts { get; init; }
}
