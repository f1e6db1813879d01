using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Dray.Bench.Discovery;

/// <summary>
/// Writes tags and images straight into a stopped-or-running <c>docker-registry</c>'s filesystem storage (distribution's
/// documented layout: content-addressed blobs plus per-repository link files). Thousands of tags take seconds this way
/// instead of minutes of pushes; the registry serves them exactly as pushed ones.
/// </summary>
internal sealed class RegistryStorage(string storageDirectory)
{
    private string V2 => Path.Combine(storageDirectory, "docker", "registry", "v2");

    /// <summary>The manifest digest a tag points at.</summary>
    public string TagDigest(string repository, string tag) =>
        File.ReadAllText(Path.Combine(Repo(repository), "_manifests", "tags", tag, "current", "link")).Trim();

    public byte[] ReadBlob(string digest) => File.ReadAllBytes(BlobPath(digest));

    /// <summary>Points <paramref name="tag"/> at a manifest already in the repository.</summary>
    public void Tag(string repository, string tag, string digest)
    {
        var tagDir = Path.Combine(Repo(repository), "_manifests", "tags", tag);
        WriteLink(Path.Combine(tagDir, "current", "link"), digest);
        WriteLink(Path.Combine(tagDir, "index", "sha256", Hex(digest), "link"), digest);
    }

    /// <summary>
    /// A new image made from the manifest of <paramref name="templateTag"/> with the config's <c>created</c> replaced
    /// (so a new config digest and manifest digest), tagged <paramref name="tag"/>. Returns the manifest digest.
    /// </summary>
    public string AddImage(string repository, string templateTag, string tag, DateTimeOffset created)
    {
        var manifest = JsonNode.Parse(ReadBlob(TagDigest(repository, templateTag)))!.AsObject();
        var config = JsonNode.Parse(ReadBlob((string)manifest["config"]!["digest"]!))!.AsObject();
        config["created"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        var configDigest = WriteBlob(configBytes);
        WriteLink(Path.Combine(Repo(repository), "_layers", "sha256", Hex(configDigest), "link"), configDigest);
        manifest["config"]!["digest"] = configDigest;
        manifest["config"]!["size"] = configBytes.Length;
        var manifestDigest = WriteBlob(Encoding.UTF8.GetBytes(manifest.ToJsonString()));
        WriteLink(Path.Combine(Repo(repository), "_manifests", "revisions", "sha256", Hex(manifestDigest), "link"), manifestDigest);
        Tag(repository, tag, manifestDigest);
        return manifestDigest;
    }

    private string Repo(string repository) => Path.Combine(V2, "repositories", repository);

    private string BlobPath(string digest)
    {
        var hex = Hex(digest);
        return Path.Combine(V2, "blobs", "sha256", hex[..2], hex, "data");
    }

    private string WriteBlob(byte[] content)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
        var path = BlobPath(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return digest;
    }

    private static void WriteLink(string path, string digest)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, digest);
    }

    private static string Hex(string digest) => digest["sha256:".Length..];
}
