namespace Dray.Core.Model.Freights;

/// <summary>Where Freight comes from. Kargo knows a single origin kind, <c>Warehouse</c>.</summary>
public sealed record FreightOrigin
{
    public required FreightOriginKind Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>The <c>Kind/name</c> form used in hashes and as FreightCollection item keys.</summary>
    public override string ToString() => $"{Kind}/{Name}";
}
