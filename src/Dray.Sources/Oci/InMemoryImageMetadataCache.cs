using System.Collections.Concurrent;

namespace Dray.Sources.Oci;

/// <summary>A process-wide <see cref="IImageMetadataCache"/>; when full it starts over rather than tracking recency.</summary>
public sealed class InMemoryImageMetadataCache : IImageMetadataCache
{
    private readonly ConcurrentDictionary<string, ImageMetadata> _byDigest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tagDigests = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public InMemoryImageMetadataCache(int capacity = 200_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _byDigest.Count;

    public ValueTask<ImageMetadata?> GetAsync(string digest, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_byDigest.GetValueOrDefault(digest));

    public ValueTask PutAsync(ImageMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (_byDigest.Count >= _capacity)
        {
            _byDigest.Clear();
        }

        _byDigest[metadata.Digest] = metadata;
        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> GetTagDigestAsync(ImageReference image, string tag, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tagDigests.GetValueOrDefault(TagKey(image, tag)));

    public ValueTask PutTagDigestAsync(ImageReference image, string tag, string digest, CancellationToken cancellationToken)
    {
        if (_tagDigests.Count >= _capacity)
        {
            _tagDigests.Clear();
        }

        _tagDigests[TagKey(image, tag)] = digest;
        return ValueTask.CompletedTask;
    }

    internal static string TagKey(ImageReference image, string tag)
    {
        ArgumentNullException.ThrowIfNull(image);
        return $"{image.Registry}/{image.Repository}:{tag}";
    }
}
