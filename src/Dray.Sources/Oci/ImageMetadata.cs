namespace Dray.Sources.Oci;

/// <summary>
/// What discovery needs to know about one manifest, keyed by its digest (content-addressed, so it never
/// goes stale). An index carries its entries; an image manifest carries its platform and build time.
/// </summary>
public sealed record ImageMetadata(
    string Digest,
    string MediaType,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<OciDescriptor> Manifests,
    OciPlatform? Platform,
    DateTimeOffset? BuiltAt)
{
    public bool IsIndex => OciMediaTypes.IsIndex(MediaType);
}
