namespace Dray.TestKit.Oci;

/// <summary>An OCI image layout on disk.</summary>
/// <param name="Path">The layout directory (what <c>skopeo copy oci:PATH</c> reads).</param>
/// <param name="Root">The manifest or, for several platforms, the index that <c>index.json</c> points at.</param>
/// <param name="Manifests">One image manifest per platform, in spec order.</param>
/// <param name="Configs">The config blob of each manifest, in the same order.</param>
public sealed record OciLayout(string Path, OciDescriptor Root, IReadOnlyList<OciDescriptor> Manifests, IReadOnlyList<OciDescriptor> Configs);
