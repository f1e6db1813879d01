namespace Dray.Sources.Oci;

/// <summary>
/// An image manifest (<see cref="Config"/> set) or an index / manifest list (<see cref="Manifests"/> set),
/// with the digest of the exact bytes the registry served.
/// </summary>
public sealed record OciManifest(
    string Digest,
    string MediaType,
    OciDescriptor? Config,
    IReadOnlyList<OciDescriptor> Manifests,
    IReadOnlyDictionary<string, string> Annotations)
{
    public bool IsIndex => OciMediaTypes.IsIndex(MediaType);
}
