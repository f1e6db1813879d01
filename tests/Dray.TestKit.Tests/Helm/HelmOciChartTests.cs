using System.Text.Json.Nodes;
using Dray.TestKit.Helm;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.TestKit.Tests.Helm;

public sealed class HelmOciChartTests(AnonymousOciRegistry registry) : IClassFixture<AnonymousOciRegistry>
{
    [SkippableFact]
    public async Task Chart_pushed_as_an_oci_artifact_keeps_its_helm_media_types_and_digest()
    {
        using var dir = new TempDirectory();
        var layout = await HelmOciChart.WriteLayoutAsync(dir.Path, "podinfo", "6.5.0", "6.5.0", new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero));

        await registry.PushAsync(dir.Path, registry.Reference("charts/podinfo", "6.5.0"));

        (await registry.ListTagsAsync("charts/podinfo")).ShouldBe(["6.5.0"]);
        var raw = await Skopeo.RawManifestAsync(registry.Reference("charts/podinfo", "6.5.0"), registry.Credentials);
        OciImageBuilder.Digest(raw).ShouldBe(layout.Root.Digest);
        var manifest = JsonNode.Parse(raw)!;
        manifest["config"]!["mediaType"]!.GetValue<string>().ShouldBe(HelmOciChart.ConfigMediaType);
        manifest["layers"]![0]!["mediaType"]!.GetValue<string>().ShouldBe(HelmOciChart.ContentMediaType);
    }
}
