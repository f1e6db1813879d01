using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;

namespace Dray.Core.Tests.Warehouses;

public sealed class FreightFactoryTests
{
    private const string NginxDigest = "sha256:b2487a28589657b318e0d63110056e11564e73b9fd3ec4c4afba5542f9d07d46";
    private const string CommitId = "961cfaedbc53aacdb65110028839a2c1c281290d";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 5, 0, 0, TimeSpan.Zero);

    private static Warehouse Demo(params RepoSubscription[] subscriptions) => new()
    {
        Metadata = new ObjectMeta { Name = "kargo-demo", Namespace = "kargo-demo" },
        Spec = new WarehouseSpec { Subscriptions = subscriptions },
    };

    private static RepoSubscription ImageSub(string repo, string? name = null) => new() { Name = name, Image = new ImageSubscription { RepoURL = repo } };

    private static ImageDiscoveryResult Images(string repo, params string[] tags) => new()
    {
        RepoURL = repo,
        References = tags.Select(t => new DiscoveredImageReference { Tag = t, Digest = NginxDigest }).ToList(),
    };

    [Fact]
    public void Takes_the_best_match_of_every_subscription_and_names_the_freight_by_content()
    {
        var warehouse = Demo(
            ImageSub("public.ecr.aws/nginx/nginx"),
            new RepoSubscription { Git = new GitSubscription { RepoURL = "https://github.com/example/kargo-demo.git" } },
            new RepoSubscription { Chart = new ChartSubscription { RepoURL = "https://charts.example.com", Name = "my-chart" } });
        var discovered = new DiscoveredArtifacts
        {
            DiscoveredAt = Now,
            Images = [Images("public.ecr.aws/nginx/nginx", "1.29.0", "1.28.0")],
            Git = [new GitDiscoveryResult
            {
                RepoURL = "https://github.com/example/kargo-demo.git",
                Commits = [new DiscoveredCommit { Id = CommitId, Branch = "main", Subject = "Bump nginx", Author = "Dev <dev@example.com>" }, new DiscoveredCommit { Id = "0000000" }],
            }],
            Charts = [new ChartDiscoveryResult { RepoURL = "https://charts.example.com", Name = "my-chart", Versions = ["1.2.3", "1.2.2"] }],
        };

        var freight = FreightFactory.Build(warehouse, discovered).Freight.ShouldNotBeNull();

        // Golden value from the reference's worked example (git + image + chart, sorted, sha1).
        freight.Metadata.Name.ShouldBe("83872fc98e25ffa3e168a2504562fe0297d3c5c6");
        freight.Metadata.Namespace.ShouldBe("kargo-demo");
        freight.Origin.ShouldBe(new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "kargo-demo" });
        freight.DiscoveredAt.ShouldBe(Now);
        freight.Images.ShouldNotBeNull().Single().ShouldBe(new Image { RepoURL = "public.ecr.aws/nginx/nginx", Tag = "1.29.0", Digest = NginxDigest });
        var commit = freight.Commits.ShouldNotBeNull().Single();
        commit.Id.ShouldBe(CommitId);
        commit.Message.ShouldBe("Bump nginx");
        commit.Branch.ShouldBe("main");
        freight.Charts.ShouldNotBeNull().Single().Version.ShouldBe("1.2.3");
    }

    [Fact]
    public void Two_subscriptions_of_one_type_each_contribute_their_own_best_match_with_their_name()
    {
        var warehouse = Demo(ImageSub("ghcr.io/example/a", "a"), ImageSub("ghcr.io/example/b", "b"));
        var discovered = new DiscoveredArtifacts
        {
            Images = [Images("ghcr.io/example/a", "1.0.0") with { SubscriptionName = "a" }, Images("ghcr.io/example/b", "2.0.0") with { SubscriptionName = "b" }],
        };

        var images = FreightFactory.Build(warehouse, discovered).Freight.ShouldNotBeNull().Images.ShouldNotBeNull();

        images.Select(i => (i.RepoURL, i.Tag, i.SubscriptionName)).ShouldBe([("ghcr.io/example/a", "1.0.0", "a"), ("ghcr.io/example/b", "2.0.0", "b")]);
    }

    [Fact]
    public void A_subscription_that_found_nothing_means_no_freight_and_says_which()
    {
        var warehouse = Demo(ImageSub("ghcr.io/example/a"), ImageSub("ghcr.io/example/b"));
        var discovered = new DiscoveredArtifacts { Images = [Images("ghcr.io/example/a", "1.0.0"), Images("ghcr.io/example/b")] };

        var candidate = FreightFactory.Build(warehouse, discovered);

        candidate.Freight.ShouldBeNull();
        candidate.MissingReason.ShouldBe("no Freight: image \"ghcr.io/example/b\" found no artifacts");
    }

    [Fact]
    public void A_new_best_match_gives_a_new_name()
    {
        var warehouse = Demo(ImageSub("nginx"));

        var first = FreightFactory.Build(warehouse, new DiscoveredArtifacts { Images = [Images("nginx", "1.24.0")] }).Freight!;
        var second = FreightFactory.Build(warehouse, new DiscoveredArtifacts { Images = [Images("nginx", "1.25.0", "1.24.0")] }).Freight!;

        second.Metadata.Name.ShouldNotBe(first.Metadata.Name);
        second.Metadata.Name!.ShouldMatch("^[0-9a-f]{40}$");
    }
}
