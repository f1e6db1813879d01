using Dray.Core.Model.Stages;

namespace Dray.Core.Model.Freights;

/// <summary>
/// The Freight a Stage uses at one time, one per origin. Items are keyed <c>Warehouse/&lt;name&gt;</c>; the ID is
/// computed by <c>FreightCollectionId</c>.
/// </summary>
public sealed record FreightCollection
{
    public required string Id { get; init; }

    public IReadOnlyDictionary<string, FreightReference>? Items { get; init; }

    /// <summary>Verification attempts for this collection, newest first, at most ten.</summary>
    public IReadOnlyList<VerificationInfo>? VerificationHistory { get; init; }
}
