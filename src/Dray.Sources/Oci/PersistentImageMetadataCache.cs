using System.Text.Json;
using Dray.Core.Storage;

namespace Dray.Sources.Oci;

/// <summary>
/// An <see cref="IImageMetadataCache"/> that survives restarts: an in-memory front over an <see cref="ICacheStore"/>.
/// Digest entries are content-addressed, so a stored entry stays true forever; tag entries exist only for
/// <c>cacheByTag</c> subscriptions, whose tags the user declared immutable.
/// </summary>
public sealed class PersistentImageMetadataCache(ICacheStore store) : IImageMetadataCache
{
    public const string DigestArea = "oci-manifest";
    public const string TagArea = "oci-tag";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly InMemoryImageMetadataCache _memory = new();

    public async ValueTask<ImageMetadata?> GetAsync(string digest, CancellationToken cancellationToken)
    {
        if (await _memory.GetAsync(digest, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return hit;
        }

        if (await store.GetAsync(DigestArea, digest, cancellationToken).ConfigureAwait(false) is not { } text
            || JsonSerializer.Deserialize<ImageMetadata>(text, Json) is not { } stored
            || stored.Digest != digest)
        {
            return null;
        }

        await _memory.PutAsync(stored, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async ValueTask PutAsync(ImageMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        await _memory.PutAsync(metadata, cancellationToken).ConfigureAwait(false);
        await store.PutAsync(DigestArea, metadata.Digest, JsonSerializer.Serialize(metadata, Json), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<string?> GetTagDigestAsync(ImageReference image, string tag, CancellationToken cancellationToken)
    {
        if (await _memory.GetTagDigestAsync(image, tag, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return hit;
        }

        var stored = await store.GetAsync(TagArea, InMemoryImageMetadataCache.TagKey(image, tag), cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            await _memory.PutTagDigestAsync(image, tag, stored, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    public async ValueTask PutTagDigestAsync(ImageReference image, string tag, string digest, CancellationToken cancellationToken)
    {
        await _memory.PutTagDigestAsync(image, tag, digest, cancellationToken).ConfigureAwait(false);
        await store.PutAsync(TagArea, InMemoryImageMetadataCache.TagKey(image, tag), digest, cancellationToken).ConfigureAwait(false);
    }
}
