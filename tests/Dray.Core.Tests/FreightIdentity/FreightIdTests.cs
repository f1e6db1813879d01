using Dray.Core.FreightIdentity;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;

namespace Dray.Core.Tests.FreightIdentity;

/// <summary>Golden values from §5.1 of the feature reference, re-computed with python3 hashlib.</summary>
public sealed class FreightIdTests
{
    private const string NginxDigest = "sha256:b2487a28589657b318e0d63110056e11564e73b9fd3ec4c4afba5542f9d07d46";

    private static readonly Image Nginx = new() { RepoURL = "public.ecr.aws/nginx/nginx", Tag = "1.29.0", Digest = NginxDigest };

    [Fact]
    public void Image_only_freight_has_the_golden_id()
    {
        FreightId.Compute(Origin("kargo-demo"), null, [Nginx], null, null)
            .ShouldBe("a5530bbe85e85f75d0e3838c7f6b96d51c5348f9");
    }

    [Fact]
    public void Tagged_commit_includes_the_tag_and_the_normalized_url()
    {
        var commit = new GitCommit { RepoURL = "https://GitHub.com/example/repo.git/", Tag = "v1.0.0", Id = "abc123" };

        FreightId.Compute(Origin("w"), [commit], null, null, null).ShouldBe("c1ec1cbc69c72434b57d3243c57810dd5eb19277");
    }

    [Fact]
    public void Git_image_and_chart_parts_are_sorted_bytewise_and_chart_path_is_go_cleaned()
    {
        var commit = new GitCommit { RepoURL = "https://github.com/example/kargo-demo", Id = "961cfaedbc53aacdb65110028839a2c1c281290d" };
        var chart = new Chart { RepoURL = "https://charts.example.com", Name = "my-chart", Version = "1.2.3" };

        FreightId.Compute(Origin("kargo-demo"), [commit], [Nginx], [chart], null)
            .ShouldBe("83872fc98e25ffa3e168a2504562fe0297d3c5c6");
    }

    [Fact]
    public void Subscription_names_are_appended_except_to_generic_artifacts()
    {
        var commit = new GitCommit { RepoURL = "https://github.com/Example/Repo.git", Id = "abc123", SubscriptionName = "manifests" };
        var image = Nginx with { SubscriptionName = "web" };
        var artifact = new ArtifactReference { ArtifactType = "s3", SubscriptionName = "models", Version = "v7" };

        // sha1("Warehouse/w:https://github.com/example/repo:abc123:manifests|public.ecr.aws/nginx/nginx:1.29.0@<digest>:web|s3:models:v7")
        FreightId.Compute(Origin("w"), [commit], [image], null, [artifact]).ShouldBe("57c61e794e3e650825bc5a3a96dcae2a88a886e1");
    }

    [Fact]
    public void Input_order_does_not_matter()
    {
        var a = new GitCommit { RepoURL = "https://github.com/x/a", Id = "1" };
        var b = new GitCommit { RepoURL = "https://github.com/x/b", Id = "2" };

        FreightId.Compute(Origin("w"), [a, b], null, null, null).ShouldBe(FreightId.Compute(Origin("w"), [b, a], null, null, null));
    }

    [Fact]
    public void Every_input_changes_the_id()
    {
        var baseline = FreightId.Compute(Origin("w"), null, [Nginx], null, null);

        FreightId.Compute(Origin("w2"), null, [Nginx], null, null).ShouldNotBe(baseline);
        FreightId.Compute(Origin("w"), null, [Nginx with { Tag = "latest" }], null, null).ShouldNotBe(baseline);
        FreightId.Compute(Origin("w"), null, [Nginx with { Digest = "sha256:00" }], null, null).ShouldNotBe(baseline);
        FreightId.Compute(Origin("w"), null, [Nginx with { SubscriptionName = "n" }], null, null).ShouldNotBe(baseline);
    }

    [Fact]
    public void Image_repository_urls_are_hashed_verbatim()
    {
        var upper = Nginx with { RepoURL = "public.ecr.aws/NGINX/nginx" };

        FreightId.Compute(Origin("w"), null, [upper], null, null)
            .ShouldNotBe(FreightId.Compute(Origin("w"), null, [Nginx], null, null));
    }

    [Fact]
    public void Equivalent_git_urls_give_the_same_id()
    {
        FreightId.Compute(Origin("w"), [new GitCommit { RepoURL = "https://user:pw@GitHub.com/x/y.git", Id = "1" }], null, null, null)
            .ShouldBe(FreightId.Compute(Origin("w"), [new GitCommit { RepoURL = "https://github.com/x/y", Id = "1" }], null, null, null));
    }

    [Fact]
    public void Freight_overload_hashes_the_freight_fields()
    {
        var freight = new Freight
        {
            Metadata = new ObjectMeta { Name = "ignored" },
            Origin = Origin("kargo-demo"),
            Images = [Nginx],
        };

        FreightId.Compute(freight).ShouldBe("a5530bbe85e85f75d0e3838c7f6b96d51c5348f9");
    }

    private static FreightOrigin Origin(string name) => new() { Kind = FreightOriginKind.Warehouse, Name = name };
}
