namespace Dray.Sources.Oci;

/// <summary>
/// Manifest metadata by digest, and (only for subscriptions with <c>cacheByTag</c>) tag to digest.
/// Implementations may persist; the digest entries never need invalidation.
/// </summary>
public interface IImageMetadataCache
{
    ValueTask<ImageMetadata?> GetAsync(string digest, CancellationToken cancellationToken);

    ValueTask PutAsync(ImageMetadata metadata, CancellationToken cancellationToken);

    ValueTask<string?> GetTagDigestAsync(ImageReference image, string tag, CancellationToken cancellationToken);

    ValueTask PutTagDigestAsync(ImageReference image, string tag, string digest, CancellationToken cancellationToken);
}
