namespace Dray.Core.Model.Warehouses;

public sealed record FreightCreationCriteria
{
    /// <summary>An expression evaluated after discovery; Freight is created only when it is true.</summary>
    public string? Expression { get; init; }
}
