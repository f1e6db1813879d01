using Dray.Core.Model.Common;
using Dray.Core.Resources;

namespace Dray.Core.Model.Freights;

/// <summary>
/// An immutable, content-addressed set of artifact versions. Freight has no <c>spec</c>: its data fields sit at
/// the top level, and its name is the SHA-1 computed by <c>FreightId</c>.
/// </summary>
public sealed record Freight
{
    public string ApiVersion { get; init; } = ResourceKinds.KargoApiVersion;

    public string Kind { get; init; } = ResourceKinds.Freight.Kind;

    public required ObjectMeta Metadata { get; init; }

    /// <summary>A human-friendly name, unique in the project, mirrored in the <c>kargo.akuity.io/alias</c> label.</summary>
    public string? Alias { get; init; }

    public required FreightOrigin Origin { get; init; }

    public IReadOnlyList<GitCommit>? Commits { get; init; }

    public IReadOnlyList<Image>? Images { get; init; }

    public IReadOnlyList<Chart>? Charts { get; init; }

    public IReadOnlyList<ArtifactReference>? Artifacts { get; init; }

    /// <summary>When the artifacts were discovered; used to order Freight from newest to oldest.</summary>
    public DateTimeOffset? DiscoveredAt { get; init; }

    public FreightStatus? Status { get; init; }
}
