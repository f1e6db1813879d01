using Dray.Core.Model.Warehouses;

namespace Dray.Sources.Oci;

/// <summary>
/// Turns a tag into a <see cref="DiscoveredImageReference"/> with as few requests as possible: one HEAD for
/// the digest (or none with <c>cacheByTag</c>), and manifest/config fetches only for digests not yet cached.
/// </summary>
internal sealed class ImageResolver
{
    private readonly OciRegistryClient _client;
    private readonly IImageMetadataCache _cache;
    private readonly SingleFlight<ImageMetadata> _fetches = new();

    public ImageResolver(OciRegistryClient client, IImageMetadataCache cache)
    {
        _client = client;
        _cache = cache;
    }

    /// <summary>Null when the image does not offer <paramref name="platform"/>.</summary>
    public async Task<DiscoveredImageReference?> ResolveTagAsync(
        RegistryConnection connection,
        string tag,
        OciPlatform? platform,
        bool cacheByTag,
        CancellationToken cancellationToken)
    {
        var top = await ResolveTopAsync(connection, tag, cacheByTag, cancellationToken).ConfigureAwait(false);
        var image = top;
        if (top.IsIndex)
        {
            var entry = platform is not null ? SelectEntry(top, platform) : SelectEntry(top, OciPlatform.Host()) ?? FirstImage(top);
            if (entry is null)
            {
                return null;
            }

            image = await ByDigestAsync(connection, entry.Digest, cancellationToken).ConfigureAwait(false);
        }

        if (platform is not null && image.Platform is { } actual && !platform.Accepts(actual))
        {
            return null;
        }

        var annotations = new Dictionary<string, string>(top.Annotations, StringComparer.Ordinal);
        foreach (var (key, value) in image.Annotations)
        {
            annotations[key] = value;
        }

        return new DiscoveredImageReference { Tag = tag, Digest = top.Digest, Annotations = annotations, CreatedAt = image.BuiltAt };
    }

    private async Task<ImageMetadata> ResolveTopAsync(RegistryConnection connection, string tag, bool cacheByTag, CancellationToken cancellationToken)
    {
        if (!cacheByTag)
        {
            var descriptor = await _client.ResolveAsync(connection, tag, cancellationToken).ConfigureAwait(false);
            return await ByDigestAsync(connection, descriptor.Digest, cancellationToken).ConfigureAwait(false);
        }

        if (await _cache.GetTagDigestAsync(connection.Image, tag, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return await ByDigestAsync(connection, known, cancellationToken).ConfigureAwait(false);
        }

        // Unknown tag: one GET yields both the digest and the manifest.
        var manifest = await _client.GetManifestAsync(connection, tag, cancellationToken).ConfigureAwait(false);
        var metadata = await MetadataAsync(connection, manifest.Digest, manifest, cancellationToken).ConfigureAwait(false);
        await _cache.PutTagDigestAsync(connection.Image, tag, manifest.Digest, cancellationToken).ConfigureAwait(false);
        return metadata;
    }

    private Task<ImageMetadata> ByDigestAsync(RegistryConnection connection, string digest, CancellationToken cancellationToken) =>
        MetadataAsync(connection, digest, known: null, cancellationToken);

    /// <summary>
    /// From the cache, or else fetched once however many tags (of however many Warehouses) point at the digest
    /// at the same time: many tags on one image must not cost one config fetch each.
    /// </summary>
    private async Task<ImageMetadata> MetadataAsync(RegistryConnection connection, string digest, OciManifest? known, CancellationToken cancellationToken)
    {
        if (await _cache.GetAsync(digest, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        // Per repository and credential, so one caller's failure (say, a revoked credential) is never another's.
        var flight = $"{connection.Image.Registry}/{connection.Image.Repository}@{digest}#{connection.Credential?.Fingerprint}";
        return await _fetches.RunAsync(flight, async token =>
        {
            if (await _cache.GetAsync(digest, token).ConfigureAwait(false) is { } raced)
            {
                return raced;
            }

            var manifest = known ?? await _client.GetManifestAsync(connection, digest, token).ConfigureAwait(false);
            return await DescribeAsync(connection, manifest, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ImageMetadata> DescribeAsync(RegistryConnection connection, OciManifest manifest, CancellationToken cancellationToken)
    {
        ImageMetadata metadata;
        if (manifest.IsIndex)
        {
            metadata = new ImageMetadata(manifest.Digest, manifest.MediaType, manifest.Annotations, manifest.Manifests, null, null);
        }
        else
        {
            var config = await _client.GetConfigAsync(connection, manifest.Config!, cancellationToken).ConfigureAwait(false);
            var builtAt = BuildTime.Latest(manifest.Annotations, config.Labels, config.Created);
            metadata = new ImageMetadata(manifest.Digest, manifest.MediaType, manifest.Annotations, [], config.Platform, builtAt);
        }

        await _cache.PutAsync(metadata, cancellationToken).ConfigureAwait(false);
        return metadata;
    }

    private static OciDescriptor? SelectEntry(ImageMetadata index, OciPlatform platform) =>
        OciRegistryClient.SelectPlatform(new OciManifest(index.Digest, index.MediaType, null, index.Manifests, index.Annotations), platform);

    private static OciDescriptor? FirstImage(ImageMetadata index) =>
        index.Manifests.FirstOrDefault(m => m.Platform is { Os: not "unknown" } && OciMediaTypes.IsImageManifest(m.MediaType));
}
