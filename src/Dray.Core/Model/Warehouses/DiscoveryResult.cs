using System.ComponentModel.DataAnnotations;
using Dray.Core.Model.Freights;

namespace Dray.Core.Model.Warehouses;

/// <summary>What a generic subscription discovered.</summary>
public sealed record DiscoveryResult
{
    [MinLength(1)]
    public required string Name { get; init; }

    public IReadOnlyList<ArtifactReference>? ArtifactReferences { get; init; }
}
