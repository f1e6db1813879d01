namespace Dray.Sources.Oci;

/// <summary>One selectable image: its tag, the digest the tag pointed at, annotations and build time.</summary>
public sealed record DiscoveredImageReference(
    string Tag,
    string Digest,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset? CreatedAt);
