using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.TestKit.Tests.Oci;

public sealed class OciImageBuilderTests
{
    private static readonly DateTimeOffset Created = new(2024, 5, 1, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Single_platform_layout_points_at_a_manifest_whose_blobs_match_their_digests()
    {
        using var dir = new TempDirectory();
        var spec = new OciImageSpec { Created = Created, Labels = new Dictionary<string, string> { ["org.opencontainers.image.version"] = "1.24.0" } };

        var layout = await OciImageBuilder.WriteAsync(dir.Path, spec);

        (await File.ReadAllTextAsync(dir.File("oci-layout"))).ShouldContain("\"imageLayoutVersion\":\"1.0.0\"");
        var index = JsonNode.Parse(await File.ReadAllTextAsync(dir.File("index.json")))!;
        index["manifests"]!.AsArray().Count.ShouldBe(1);
        index["manifests"]![0]!["digest"]!.GetValue<string>().ShouldBe(layout.Root.Digest);
        layout.Root.MediaType.ShouldBe(OciMediaTypes.ImageManifest);

        var manifest = JsonNode.Parse(await ReadBlobAsync(dir, layout.Root.Digest))!;
        var config = JsonNode.Parse(await ReadBlobAsync(dir, manifest["config"]!["digest"]!.GetValue<string>()))!;
        config["created"]!.GetValue<string>().ShouldStartWith("2024-05-01T12:30:00");
        config["config"]!["Labels"]!["org.opencontainers.image.version"]!.GetValue<string>().ShouldBe("1.24.0");
        config["architecture"]!.GetValue<string>().ShouldBe("amd64");

        foreach (var file in Directory.EnumerateFiles(dir.File("blobs", "sha256")))
        {
            OciImageBuilder.Digest(await File.ReadAllBytesAsync(file)).ShouldBe("sha256:" + Path.GetFileName(file));
        }
    }

    [Fact]
    public async Task Layer_is_a_gzip_tar_whose_diff_id_is_in_the_config()
    {
        using var dir = new TempDirectory();
        var layout = await OciImageBuilder.WriteAsync(dir.Path, new OciImageSpec { Created = Created, Content = "hello layer" });

        var manifest = JsonNode.Parse(await ReadBlobAsync(dir, layout.Root.Digest))!;
        var layerDigest = manifest["layers"]![0]!["digest"]!.GetValue<string>();
        await using var gzip = new GZipStream(File.OpenRead(BlobPath(dir, layerDigest)), CompressionMode.Decompress);
        using var tar = new MemoryStream();
        await gzip.CopyToAsync(tar);
        var config = JsonNode.Parse(await ReadBlobAsync(dir, layout.Configs[0].Digest))!;
        config["rootfs"]!["diff_ids"]![0]!.GetValue<string>().ShouldBe(OciImageBuilder.Digest(tar.ToArray()));

        tar.Position = 0;
        using var reader = new TarReader(tar);
        var entry = (await reader.GetNextEntryAsync())!;
        entry.Name.ShouldBe("etc/dray-image");
        using var content = new StreamReader(entry.DataStream!);
        (await content.ReadToEndAsync()).ShouldStartWith("hello layer\n");
    }

    [Fact]
    public async Task Several_platforms_make_an_index_of_distinct_manifests()
    {
        using var dir = new TempDirectory();
        var spec = new OciImageSpec { Created = Created, Platforms = [OciPlatform.LinuxAmd64, OciPlatform.LinuxArm64] };

        var layout = await OciImageBuilder.WriteAsync(dir.Path, spec);

        layout.Root.MediaType.ShouldBe(OciMediaTypes.ImageIndex);
        var index = JsonNode.Parse(await ReadBlobAsync(dir, layout.Root.Digest))!;
        var entries = index["manifests"]!.AsArray();
        entries.Select(m => m!["platform"]!["architecture"]!.GetValue<string>()).ShouldBe(["amd64", "arm64"]);
        entries[1]!["platform"]!["variant"]!.GetValue<string>().ShouldBe("v8");
        layout.Manifests.Select(m => m.Digest).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Same_spec_gives_the_same_digest_and_another_created_time_another()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        using var c = new TempDirectory();

        var first = await OciImageBuilder.WriteAsync(a.Path, new OciImageSpec { Created = Created });
        var again = await OciImageBuilder.WriteAsync(b.Path, new OciImageSpec { Created = Created });
        var later = await OciImageBuilder.WriteAsync(c.Path, new OciImageSpec { Created = Created.AddMinutes(1) });

        again.Root.Digest.ShouldBe(first.Root.Digest);
        later.Root.Digest.ShouldNotBe(first.Root.Digest);
    }

    private static string BlobPath(TempDirectory dir, string digest) => dir.File("blobs", "sha256", digest["sha256:".Length..]);

    private static Task<string> ReadBlobAsync(TempDirectory dir, string digest) => File.ReadAllTextAsync(BlobPath(dir, digest));
}
