using Dray.Core.FreightIdentity;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;

namespace Dray.Core.Tests.Warehouses;

public sealed class FreightValidatorTests
{
    private const string Digest = "sha256:b2487a28589657b318e0d63110056e11564e73b9fd3ec4c4afba5542f9d07d46";

    private static readonly Warehouse Origin = new()
    {
        Metadata = new ObjectMeta { Name = "w", Namespace = "p" },
        Spec = new WarehouseSpec
        {
            Subscriptions =
            [
                new RepoSubscription { Image = new ImageSubscription { RepoURL = "docker.io/library/nginx" } },
                new RepoSubscription { Git = new GitSubscription { RepoURL = "https://github.com/example/repo.git" } },
                new RepoSubscription { Chart = new ChartSubscription { RepoURL = "oci://ghcr.io/example/charts/app" } },
            ],
        },
    };

    private static Freight Valid() => new()
    {
        Metadata = new ObjectMeta { Name = "whatever", Namespace = "p" },
        Origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "w" },
        Images = [new Image { RepoURL = "nginx", Tag = "1.25.0", Digest = Digest }],
        Commits = [new GitCommit { RepoURL = "https://GitHub.com/example/repo", Id = "abc123" }],
        Charts = [new Chart { RepoURL = "oci://ghcr.io/example/charts/app", Version = "1.0.0" }],
    };

    [Fact]
    public void One_artifact_per_subscription_matched_by_normalized_url_is_valid()
    {
        FreightValidator.Validate(Valid(), Origin).ShouldBeEmpty();
    }

    [Fact]
    public void Freight_without_artifacts_is_rejected()
    {
        var errors = FreightValidator.Validate(Valid() with { Images = null, Commits = null, Charts = null }, Origin);

        errors.Select(e => e.Message).ShouldContain("Freight must reference at least one artifact (commits, images, charts or artifacts)");
    }

    [Fact]
    public void A_missing_origin_warehouse_is_rejected()
    {
        var errors = FreightValidator.Validate(Valid(), origin: null);

        errors.ShouldHaveSingleItem().Message.ShouldBe("Warehouse \"w\" not found in project \"p\"");
        errors[0].Path.ShouldBe("origin.name");
    }

    [Fact]
    public void A_subscription_without_its_artifact_is_rejected()
    {
        var errors = FreightValidator.Validate(Valid() with { Charts = null }, Origin);

        errors.ShouldHaveSingleItem().Message.ShouldStartWith("no artifact for subscription chart \"oci://ghcr.io/example/charts/app\"");
    }

    [Fact]
    public void Two_artifacts_for_one_subscription_are_rejected()
    {
        var freight = Valid() with { Images = [.. Valid().Images!, new Image { RepoURL = "index.docker.io/library/nginx", Tag = "1.24.0", Digest = Digest }] };

        FreightValidator.Validate(freight, Origin).ShouldHaveSingleItem().Message.ShouldStartWith("2 artifacts for subscription image \"docker.io/library/nginx\"");
    }

    [Fact]
    public void An_artifact_matching_no_subscription_is_rejected_with_its_path()
    {
        var freight = Valid() with { Images = [.. Valid().Images!, new Image { RepoURL = "ghcr.io/other/app", Tag = "1", Digest = Digest }] };

        var error = FreightValidator.Validate(freight, Origin).ShouldHaveSingleItem();
        error.Path.ShouldBe("images[1]");
        error.Message.ShouldBe("\"ghcr.io/other/app\" matches no subscription of Warehouse \"w\"");
    }

    [Fact]
    public void Artifacts_must_carry_their_identity()
    {
        var freight = Valid() with { Commits = [new GitCommit { RepoURL = "https://github.com/example/repo" }] };

        FreightValidator.Validate(freight, Origin).ShouldHaveSingleItem().Path.ShouldBe("commits[0].id");
    }

    [Fact]
    public void The_name_is_recomputed_from_content()
    {
        var named = FreightValidator.WithComputedName(Valid());

        named.Metadata.Name.ShouldBe(FreightId.Compute(Valid()));
        named.Metadata.Name.ShouldNotBe("whatever");
    }
}
