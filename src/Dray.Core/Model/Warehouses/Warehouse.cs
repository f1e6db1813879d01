using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.Warehouses;

/// <summary>Subscribes to artifact repositories and produces Freight.</summary>
public sealed record Warehouse
{
    public string ApiVersion { get; init; } = ResourceKinds.KargoApiVersion;

    public string Kind { get; init; } = ResourceKinds.Warehouse.Kind;

    public required ObjectMeta Metadata { get; init; }

    public required WarehouseSpec Spec { get; init; }

    public WarehouseStatus? Status { get; init; }
}
