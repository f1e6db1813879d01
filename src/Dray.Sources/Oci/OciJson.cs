using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dray.Sources.Oci;

/// <summary>Parses manifests, indexes and configs; unknown fields are ignored, as the image spec requires.</summary>
internal static partial class OciJson
{
    public static bool IsDigest(string? text) => text is not null && DigestPattern().IsMatch(text);

    public static OciManifest ParseManifest(ReadOnlySpan<byte> body, string digest, string? contentType, string subject)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var mediaType = String(root, "mediaType") ?? contentType ?? string.Empty;
            if (string.IsNullOrEmpty(String(root, "mediaType")) && root.TryGetProperty("manifests", out _))
            {
                mediaType = OciMediaTypes.IsIndex(contentType ?? string.Empty) ? contentType! : OciMediaTypes.OciIndex;
            }
            else if (string.IsNullOrEmpty(String(root, "mediaType")) && root.TryGetProperty("config", out _) && !OciMediaTypes.IsImageManifest(mediaType))
            {
                mediaType = OciMediaTypes.OciManifest;
            }

            if (!OciMediaTypes.IsIndex(mediaType) && !OciMediaTypes.IsImageManifest(mediaType))
            {
                throw new RegistryException($"{subject} has unsupported manifest media type '{mediaType}'");
            }

            var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? Descriptor(c) : null;
            var manifests = root.TryGetProperty("manifests", out var m) && m.ValueKind == JsonValueKind.Array
                ? m.EnumerateArray().Select(Descriptor).ToList()
                : [];
            if (OciMediaTypes.IsImageManifest(mediaType) && config is null)
            {
                throw new RegistryException($"{subject} is an image manifest without a config");
            }

            if ((config is not null && !IsDigest(config.Digest)) || manifests.Any(m => !IsDigest(m.Digest)))
            {
                throw new RegistryException($"{subject} refers to content by a malformed digest");
            }

            return new OciManifest(digest, mediaType, config, manifests, StringMap(root, "annotations"));
        }
        catch (JsonException ex)
        {
            throw new RegistryException($"{subject} is not valid JSON", ex);
        }
    }

    public static ImageConfig ParseConfig(ReadOnlySpan<byte> body, string subject)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var labels = root.TryGetProperty("config", out var config) ? StringMap(config, "Labels") : new Dictionary<string, string>();
            var os = String(root, "os");
            var arch = String(root, "architecture");
            var platform = os is not null && arch is not null ? new OciPlatform(os, arch, String(root, "variant")) : null;
            return new ImageConfig(ParseTime(String(root, "created")), labels, platform);
        }
        catch (JsonException ex)
        {
            throw new RegistryException($"{subject} is not valid JSON", ex);
        }
    }

    public static IReadOnlyList<string> ParseTags(ReadOnlySpan<byte> body, string subject)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
                : [];
        }
        catch (JsonException ex)
        {
            throw new RegistryException($"{subject} is not valid JSON", ex);
        }
    }

    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    private static OciDescriptor Descriptor(JsonElement element)
    {
        OciPlatform? platform = null;
        if (element.TryGetProperty("platform", out var p) && String(p, "os") is { } os && String(p, "architecture") is { } arch)
        {
            platform = new OciPlatform(os, arch, String(p, "variant"));
        }

        var size = element.TryGetProperty("size", out var s) && s.TryGetInt64(out var n) ? n : 0;
        return new OciDescriptor(String(element, "mediaType") ?? string.Empty, String(element, "digest") ?? string.Empty, size, platform, StringMap(element, "annotations"));
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static Dictionary<string, string> StringMap(JsonElement element, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                result[property.Name] = property.Value.GetString()!;
            }
        }

        return result;
    }

    [GeneratedRegex("^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();
}
