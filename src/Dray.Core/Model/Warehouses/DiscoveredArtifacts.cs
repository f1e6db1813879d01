namespace Dray.Core.Model.Warehouses;

/// <summary>The result of the last discovery, one entry per subscription, each list best match first.</summary>
public sealed record DiscoveredArtifacts
{
    public DateTimeOffset? DiscoveredAt { get; init; }

    public IReadOnlyList<GitDiscoveryResult>? Git { get; init; }

    public IReadOnlyList<ImageDiscoveryResult>? Images { get; init; }

    public IReadOnlyList<ChartDiscoveryResult>? Charts { get; init; }

    public IReadOnlyList<DiscoveryResult>? Results { get; init; }
}
