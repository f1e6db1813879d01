using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Core.Model.Common;
using Dray.Server.Actions;

namespace Dray.Server.Tests.Actions;

public sealed class FreightAssemblyTests
{
    private static readonly Warehouse Warehouse = new()
    {
        Metadata = new ObjectMeta { Name = "app", Namespace = "demo" },
        Spec = new WarehouseSpec
        {
            Subscriptions =
            [
                new RepoSubscription { Image = new ImageSubscription { RepoURL = "registry.example/app" } },
                new RepoSubscription { Git = new GitSubscription { RepoURL = "https://git.example/cfg.git" } },
                new RepoSubscription { Image = new ImageSubscription { RepoURL = "registry.example/sidecar" } },
            ],
        },
    };

    private static readonly DiscoveredArtifacts Discovered = new()
    {
        Images =
        [
            new ImageDiscoveryResult { RepoURL = "registry.example/app", References = [Ref("1.2.3", 'a'), Ref("1.2.2", 'b'), Ref("1.2.1", 'c')] },
            new ImageDiscoveryResult { RepoURL = "registry.example/sidecar", References = [Ref("9.0", 'd'), Ref("8.0", 'e')] },
        ],
        Git = [new GitDiscoveryResult { RepoURL = "https://git.example/cfg.git", Commits = [new DiscoveredCommit { Id = "c2", Subject = "new" }, new DiscoveredCommit { Id = "c1", Subject = "old" }] }],
    };

    [Fact]
    public void The_picked_artifacts_are_the_ones_the_freight_carries()
    {
        var chosen = FreightAssembly.Select(Warehouse.Spec.Subscriptions, Discovered, [2, 1, 1]);

        var freight = FreightFactory.Build(Warehouse, chosen!).Freight!;

        freight.Images!.Select(i => i.Tag).ShouldBe(["1.2.1", "8.0"]);
        freight.Commits!.Single().Id.ShouldBe("c1");
    }

    [Theory]
    [InlineData(3, 0, 0)]
    [InlineData(0, 2, 0)]
    [InlineData(0, 0, -1)]
    public void A_pick_outside_the_discovered_list_is_refused(int image, int git, int sidecar) =>
        FreightAssembly.Select(Warehouse.Spec.Subscriptions, Discovered, [image, git, sidecar]).ShouldBeNull();

    [Fact]
    public void Choices_follow_subscription_order_matching_results_per_type()
    {
        var choices = FreightAssembly.Choices(Warehouse.Spec.Subscriptions, Discovered);

        choices.Select(c => c.Options.Count).ShouldBe([3, 2, 2]);
        choices[0].Subscription.ShouldContain("registry.example/app");
        choices[0].Options[0].ShouldStartWith("1.2.3 (aaaaaaaaaaaa)");
        choices[1].Options[1].ShouldContain("old");
        choices[2].Options[0].ShouldStartWith("9.0");
        FreightAssembly.Choices(Warehouse.Spec.Subscriptions, null).ShouldAllBe(c => c.Options.Count == 0);
    }

    private static DiscoveredImageReference Ref(string tag, char digit) => new() { Tag = tag, Digest = "sha256:" + new string(digit, 64) };
}
