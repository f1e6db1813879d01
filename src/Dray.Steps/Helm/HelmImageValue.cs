namespace Dray.Steps.Helm;

/// <summary>What <c>helm-update-image</c> writes at a key.</summary>
public enum HelmImageValue
{
    ImageAndTag,
    Tag,
    ImageAndDigest,
    Digest,
}
