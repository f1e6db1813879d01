using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Steps.Helm;

namespace Dray.Steps.Tests.Helm;

public sealed class HelmUpdateImageStepTests
{
    private const string Values = "image:\n  repository: nginx # upstream\n  tag: \"1.25.0\"\n  ref: old\n";

    private static readonly Freight[] Promoted =
    [
        new()
        {
            Metadata = new ObjectMeta { Name = "f1" },
            Origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "w" },
            Images = [new Image { RepoURL = "ghcr.io/acme/nginx", Tag = "1.26.0", Digest = "sha256:abc" }],
        },
    ];

    [Theory]
    [InlineData("Tag", "image.tag", "  tag: \"1.25.0\"", "  tag: \"1.26.0\"")]
    [InlineData("ImageAndTag", "image.ref", "  ref: old", "  ref: ghcr.io/acme/nginx:1.26.0")]
    [InlineData("ImageAndDigest", "image.ref", "  ref: old", "  ref: ghcr.io/acme/nginx@sha256:abc")]
    [InlineData("Digest", "image.ref", "  ref: old", "  ref: sha256:abc")]
    public async Task Writes_the_requested_form_of_the_Freight_image(string form, string key, string before, string after)
    {
        using var h = new StepHarness();
        h.Write("values.yaml", Values);

        var result = await h.RunAsync(new HelmUpdateImageStep(), $$"""{"path":"values.yaml","images":[{"image":"ghcr.io/acme/nginx","key":"{{key}}","value":"{{form}}"}]}""", Promoted);

        result.Status.ShouldBe(PromotionStepStatus.Succeeded, result.Message);
        h.Read("values.yaml").ShouldBe(Values.Replace(before, after, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_image_not_in_the_Freight_is_a_terminal_error()
    {
        using var h = new StepHarness();
        h.Write("values.yaml", Values);

        var result = await h.RunAsync(new HelmUpdateImageStep(), """{"path":"values.yaml","images":[{"image":"redis","key":"image.tag","value":"Tag"}]}""", Promoted);

        result.Status.ShouldBe(PromotionStepStatus.Errored);
        result.Terminal.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_value_form_is_invalid_config()
    {
        using var h = new StepHarness();

        var result = await h.RunAsync(new HelmUpdateImageStep(), """{"path":"values.yaml","images":[{"image":"redis","key":"image.tag","value":"Name"}]}""");

        result.Status.ShouldBe(PromotionStepStatus.Failed);
        result.Message.ShouldBe("invalid config: config.images[0].value: must be one of \"ImageAndTag\", \"Tag\", \"ImageAndDigest\", \"Digest\"");
    }
}
