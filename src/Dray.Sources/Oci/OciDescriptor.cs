namespace Dray.Sources.Oci;

/// <summary>A content descriptor: a config, or an entry of an index (with its platform).</summary>
public sealed record OciDescriptor(
    string MediaType,
    string Digest,
    long Size,
    OciPlatform? Platform = null,
    IReadOnlyDictionary<string, string>? Annotations = null);
