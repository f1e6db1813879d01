namespace Dray.Sources.Oci;

/// <summary>The parts of an image config blob that discovery uses.</summary>
public sealed record ImageConfig(
    DateTimeOffset? Created,
    IReadOnlyDictionary<string, string> Labels,
    OciPlatform? Platform);
