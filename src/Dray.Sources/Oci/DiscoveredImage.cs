namespace Dray.Sources.Oci;

/// <summary>The result of discovering one image subscription: references best first.</summary>
public sealed record DiscoveredImage(
    string RepoUrl,
    string? Platform,
    IReadOnlyList<DiscoveredImageReference> References);
