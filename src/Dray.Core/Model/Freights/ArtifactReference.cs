using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Dray.Core.Model.Freights;

/// <summary>An artifact found by a generic (non git/image/chart) subscription.</summary>
public sealed record ArtifactReference
{
    [MinLength(1)]
    public string? ArtifactType { get; init; }

    [MinLength(1)]
    public required string SubscriptionName { get; init; }

    [MinLength(1)]
    public required string Version { get; init; }

    /// <summary>Opaque, subscriber-defined data.</summary>
    public JsonElement? Metadata { get; init; }
}
