using System.Text;
using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class OciJsonTests
{
    [Fact]
    public void Parses_an_index_with_platforms()
    {
        const string json = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:aa01","size":10,"platform":{"os":"linux","architecture":"amd64"}},
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:bb02","size":11,"platform":{"os":"linux","architecture":"arm","variant":"v7"}}],
             "annotations":{"org.opencontainers.image.created":"2024-01-01T00:00:00Z"}}
            """;

        var index = OciJson.ParseManifest(Encoding.UTF8.GetBytes(json), "sha256:ii", null, "x");

        index.IsIndex.ShouldBeTrue();
        index.Manifests.Select(m => m.Platform!.ToString()).ShouldBe(["linux/amd64", "linux/arm/v7"]);
        OciRegistryClient.SelectPlatform(index, OciPlatform.Parse("linux/arm/v7"))!.Digest.ShouldBe("sha256:bb02");
        OciRegistryClient.SelectPlatform(index, OciPlatform.Parse("linux/arm"))!.Digest.ShouldBe("sha256:bb02");
        OciRegistryClient.SelectPlatform(index, OciPlatform.Parse("linux/arm/v6")).ShouldBeNull();
        OciRegistryClient.SelectPlatform(index, OciPlatform.Parse("windows/amd64")).ShouldBeNull();
        index.Annotations[BuildTime.OciCreated].ShouldBe("2024-01-01T00:00:00Z");
    }

    [Fact]
    public void Takes_the_media_type_from_the_content_type_when_the_body_has_none()
    {
        const string json = """{"schemaVersion":2,"config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"sha256:cc03","size":5},"layers":[]}""";

        var manifest = OciJson.ParseManifest(Encoding.UTF8.GetBytes(json), "sha256:mm", OciMediaTypes.DockerManifest, "x");

        manifest.MediaType.ShouldBe(OciMediaTypes.DockerManifest);
        manifest.Config!.Digest.ShouldBe("sha256:cc03");
    }

    [Theory]
    [InlineData("""{"schemaVersion":1,"mediaType":"application/vnd.docker.distribution.manifest.v1+prettyjws"}""", "unsupported manifest media type")]
    [InlineData("""{"mediaType":"application/vnd.oci.image.manifest.v1+json"}""", "without a config")]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"digest":"sha256:../../etc"}}""", "malformed digest")]
    [InlineData("""{"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"digest":"nope"}]}""", "malformed digest")]
    public void Rejects_unusable_manifests(string json, string message)
    {
        Should.Throw<RegistryException>(() => OciJson.ParseManifest(Encoding.UTF8.GetBytes(json), "sha256:x", null, "tag t of a"))
            .Message.ShouldContain(message);
    }

    [Fact]
    public void Parses_config_created_labels_and_platform()
    {
        const string json = """{"created":"2024-05-06T07:08:09.123456789Z","os":"linux","architecture":"arm64","variant":"v8","config":{"Labels":{"org.label-schema.build-date":"2024-05-07T00:00:00Z","n":"1"}}}""";

        var config = OciJson.ParseConfig(Encoding.UTF8.GetBytes(json), "c");

        config.Created!.Value.Year.ShouldBe(2024);
        config.Platform.ShouldBe(new OciPlatform("linux", "arm64", "v8"));
        config.Labels["n"].ShouldBe("1");
    }
}
