using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Dray.TestKit.Oci;

/// <summary>
/// Writes an OCI image layout by hand (oci-layout, index.json, blobs/sha256/...), so images can be pushed with skopeo
/// on a machine without a container engine.
/// </summary>
public static class OciImageBuilder
{
    public static async Task<OciLayout> WriteAsync(string directory, OciImageSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(spec.Platforms.Count);
        Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        await File.WriteAllTextAsync(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""", cancellationToken);

        var manifests = new List<OciDescriptor>();
        var configs = new List<OciDescriptor>();
        foreach (var platform in spec.Platforms)
        {
            var (manifest, config) = await WriteImageAsync(directory, spec, platform, cancellationToken);
            manifests.Add(manifest);
            configs.Add(config);
        }

        var root = manifests.Count == 1
            ? manifests[0] with { Platform = null }
            : await WriteBlobAsync(directory, OciMediaTypes.ImageIndex, Json(IndexJson(manifests)), cancellationToken);

        var layoutIndex = IndexJson([root]);
        await File.WriteAllTextAsync(Path.Combine(directory, "index.json"), layoutIndex.ToJsonString(), cancellationToken);
        return new OciLayout(directory, root, manifests, configs);
    }

    /// <summary>
    /// Writes a single-manifest OCI artifact (a Helm chart, say): one config blob and one layer blob with the given
    /// media types.
    /// </summary>
    public static async Task<OciLayout> WriteArtifactAsync(
        string directory,
        string configMediaType,
        byte[] config,
        string layerMediaType,
        byte[] layer,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        await File.WriteAllTextAsync(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""", cancellationToken);
        var configDescriptor = await WriteBlobAsync(directory, configMediaType, config, cancellationToken);
        var layerDescriptor = await WriteBlobAsync(directory, layerMediaType, layer, cancellationToken);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.ImageManifest,
            ["config"] = DescriptorJson(configDescriptor),
            ["layers"] = new JsonArray(DescriptorJson(layerDescriptor)),
        };
        var root = await WriteBlobAsync(directory, OciMediaTypes.ImageManifest, Json(manifest), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "index.json"), IndexJson([root]).ToJsonString(), cancellationToken);
        return new OciLayout(directory, root, [root], [configDescriptor]);
    }

    private static async Task<(OciDescriptor Manifest, OciDescriptor Config)> WriteImageAsync(
        string directory, OciImageSpec spec, OciPlatform platform, CancellationToken cancellationToken)
    {
        var tar = BuildLayerTar(spec, platform);
        var diffId = Digest(tar);
        var layer = await WriteBlobAsync(directory, OciMediaTypes.LayerGzip, Gzip(tar), cancellationToken);

        var created = spec.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var labels = new JsonObject();
        foreach (var (key, value) in spec.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            labels[key] = value;
        }

        var config = new JsonObject
        {
            ["created"] = created,
            ["architecture"] = platform.Architecture,
            ["os"] = platform.Os,
            ["config"] = new JsonObject { ["Labels"] = labels },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
            ["history"] = new JsonArray(new JsonObject { ["created"] = created, ["created_by"] = "Dray.TestKit OciImageBuilder" }),
        };
        if (platform.Variant is not null)
        {
            config["variant"] = platform.Variant;
        }

        var configDescriptor = await WriteBlobAsync(directory, OciMediaTypes.ImageConfig, Json(config), cancellationToken);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.ImageManifest,
            ["config"] = DescriptorJson(configDescriptor),
            ["layers"] = new JsonArray(DescriptorJson(layer)),
        };
        var manifestDescriptor = await WriteBlobAsync(directory, OciMediaTypes.ImageManifest, Json(manifest), cancellationToken);
        return (manifestDescriptor with { Platform = platform }, configDescriptor);
    }

    private static JsonObject IndexJson(IEnumerable<OciDescriptor> manifests) => new()
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = OciMediaTypes.ImageIndex,
        ["manifests"] = new JsonArray(manifests.Select(m => (JsonNode)DescriptorJson(m)).ToArray()),
    };

    private static JsonObject DescriptorJson(OciDescriptor descriptor)
    {
        var json = new JsonObject
        {
            ["mediaType"] = descriptor.MediaType,
            ["digest"] = descriptor.Digest,
            ["size"] = descriptor.Size,
        };
        if (descriptor.Platform is { } platform)
        {
            var platformJson = new JsonObject { ["architecture"] = platform.Architecture, ["os"] = platform.Os };
            if (platform.Variant is not null)
            {
                platformJson["variant"] = platform.Variant;
            }

            json["platform"] = platformJson;
        }

        return json;
    }

    private static byte[] BuildLayerTar(OciImageSpec spec, OciPlatform platform)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            var data = Encoding.UTF8.GetBytes($"{spec.Content}\nplatform: {platform}\n");
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "etc/dray-image")
            {
                DataStream = new MemoryStream(data),
                ModificationTime = spec.Created,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            writer.WriteEntry(entry);
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static async Task<OciDescriptor> WriteBlobAsync(
        string directory, string mediaType, byte[] content, CancellationToken cancellationToken)
    {
        var digest = Digest(content);
        await File.WriteAllBytesAsync(Path.Combine(directory, "blobs", "sha256", digest["sha256:".Length..]), content, cancellationToken);
        return new OciDescriptor(mediaType, digest, content.LongLength);
    }

    /// <summary>The <c>sha256:HEX</c> digest of <paramref name="content"/>.</summary>
    public static string Digest(ReadOnlySpan<byte> content) =>
        "sha256:" + Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
}
