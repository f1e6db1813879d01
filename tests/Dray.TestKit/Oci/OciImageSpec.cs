namespace Dray.TestKit.Oci;

/// <summary>
/// What <see cref="OciImageBuilder"/> writes. Vary <see cref="Created"/> (or <see cref="Content"/>) to get a different
/// digest and build time; more than one platform produces an image index.
/// </summary>
public sealed record OciImageSpec
{
    public required DateTimeOffset Created { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<OciPlatform> Platforms { get; init; } = [OciPlatform.LinuxAmd64];

    /// <summary>Text of the single file in the single layer.</summary>
    public string Content { get; init; } = "dray test image";
}
