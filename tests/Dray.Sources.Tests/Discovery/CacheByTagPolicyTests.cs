using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Discovery;
using Dray.Sources.Oci;
using Dray.Sources.Tests.Oci;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Discovery;

/// <summary>The server's <see cref="CacheByTagPolicy"/> over what a subscription says, counted against a real registry.</summary>
public sealed class CacheByTagPolicyTests(AnonymousOciRegistry registry) : IClassFixture<AnonymousOciRegistry>
{
    [SkippableFact]
    public async Task Force_makes_a_newest_build_rediscovery_after_one_new_tag_cost_at_most_three_requests()
    {
        var subscription = await SeedAsync("policy-force", cacheByTag: null);
        using var oci = new OciTestClient();
        var discoverer = new OciImageArtifactDiscoverer(oci.Discoverer, CacheByTagPolicy.Force);
        var first = await discoverer.DiscoverAsync(subscription, Empty, CancellationToken.None);

        var newDigest = await RegistryImages.PushAsync(registry, "policy-force", "hotfix", 100);
        oci.Log.Clear();
        var second = await discoverer.DiscoverAsync(subscription, new() { Previous = first }, CancellationToken.None);

        second.References![0].Tag.ShouldBe("hotfix");
        second.References![0].Digest.ShouldBe(newDigest);
        oci.Log.TagListRequests.ShouldBe(1);
        oci.Log.OtherThanTagListing.ShouldBeLessThanOrEqualTo(3);
    }

    [SkippableFact]
    public async Task Forbid_checks_every_tag_even_when_the_subscription_opts_in()
    {
        var subscription = await SeedAsync("policy-forbid", cacheByTag: true);
        using var oci = new OciTestClient();
        var discoverer = new OciImageArtifactDiscoverer(oci.Discoverer, CacheByTagPolicy.Forbid);
        var first = await discoverer.DiscoverAsync(subscription, Empty, CancellationToken.None);
        oci.Log.Clear();

        await discoverer.DiscoverAsync(subscription, new() { Previous = first }, CancellationToken.None);

        oci.Log.ManifestRequests(HttpMethod.Head).ShouldBe(4, "one HEAD per tag: a tag may have moved");
    }

    [SkippableFact]
    public async Task Require_fails_a_subscription_that_does_not_opt_in_and_leaves_digest_tracking_alone()
    {
        var subscription = await SeedAsync("policy-require", cacheByTag: null);
        using var oci = new OciTestClient();
        var discoverer = new OciImageArtifactDiscoverer(oci.Discoverer, CacheByTagPolicy.Require);

        var error = await Should.ThrowAsync<FormatException>(() => discoverer.DiscoverAsync(subscription, Empty, CancellationToken.None));
        var requestsBeforeOptingIn = oci.Log.Requests.Count;
        var optedIn = await discoverer.DiscoverAsync(subscription with { CacheByTag = true }, Empty, CancellationToken.None);
        var digest = await discoverer.DiscoverAsync(
            subscription with { ImageSelectionStrategy = ImageSelectionStrategy.Digest, Constraint = "build-3" }, Empty, CancellationToken.None);

        error.Message.ShouldBe(OciImageArtifactDiscoverer.RequiredMessage);
        requestsBeforeOptingIn.ShouldBe(0, "refused before asking the registry");
        optedIn.References!.Count.ShouldBe(4);
        digest.References!.ShouldHaveSingleItem().Tag.ShouldBe("build-3");
    }

    private static DiscoveryContext<ImageDiscoveryResult> Empty => new();

    private async Task<ImageSubscription> SeedAsync(string repository, bool? cacheByTag)
    {
        for (var i = 0; i < 4; i++)
        {
            await RegistryImages.PushAsync(registry, repository, $"build-{i}", i);
        }

        return new ImageSubscription
        {
            RepoURL = $"{registry.Host}/{repository}",
            ImageSelectionStrategy = ImageSelectionStrategy.NewestBuild,
            CacheByTag = cacheByTag,
        };
    }
}
