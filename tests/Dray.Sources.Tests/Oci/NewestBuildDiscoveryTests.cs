using Dray.Core.Model.Warehouses;
using Dray.Sources.Oci;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class NewestBuildDiscoveryTests(AnonymousOciRegistry registry) : IClassFixture<AnonymousOciRegistry>
{
    [SkippableFact]
    public async Task Orders_by_the_latest_of_label_annotation_and_config_created()
    {
        await RegistryImages.PushAsync(registry, "newest", "a", 10);
        await RegistryImages.PushAsync(registry, "newest", "b", 30);
        await RegistryImages.PushAsync(registry, "newest", "c", 20, new Dictionary<string, string>
        {
            [BuildTime.LabelSchemaBuildDate] = RegistryImages.Epoch.AddMinutes(40).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
        using var oci = new OciTestClient();

        var result = await oci.Discoverer.DiscoverAsync(
            new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/newest", Strategy = ImageSelectionStrategy.NewestBuild, DiscoveryLimit = 2 },
            null,
            CancellationToken.None);

        result.References!.Select(r => r.Tag).ShouldBe(["c", "b"]);
        result.References![0].CreatedAt.ShouldBe(RegistryImages.Epoch.AddMinutes(40));
    }

    [SkippableFact]
    public async Task Rediscovery_after_one_new_tag_costs_at_most_three_requests_beyond_tag_listing_with_cacheByTag()
    {
        for (var i = 0; i < 12; i++)
        {
            await RegistryImages.PushAsync(registry, "newest-cached", $"build-{i}", i);
        }

        using var oci = new OciTestClient();
        var request = new ImageDiscoveryRequest
        {
            RepoUrl = $"{registry.Host}/newest-cached",
            Strategy = ImageSelectionStrategy.NewestBuild,
            CacheByTag = true,
            DiscoveryLimit = 5,
        };
        var first = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);
        first.References![0].Tag.ShouldBe("build-11");

        var newDigest = await RegistryImages.PushAsync(registry, "newest-cached", "hotfix", 100);
        oci.Log.Clear();
        var second = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);

        second.References![0].Tag.ShouldBe("hotfix");
        second.References![0].Digest.ShouldBe(newDigest);
        second.References!.Skip(1).Select(r => (r.Tag, r.Digest)).ShouldBe(first.References!.Take(4).Select(r => (r.Tag, r.Digest)));
        oci.Log.TagListRequests.ShouldBe(1);
        oci.Log.OtherThanTagListing.ShouldBeLessThanOrEqualTo(3);
    }

    [SkippableFact]
    public async Task Rediscovery_without_cacheByTag_checks_each_digest_but_fetches_only_the_new_config()
    {
        for (var i = 0; i < 6; i++)
        {
            await RegistryImages.PushAsync(registry, "newest-heads", $"v{i}", i);
        }

        using var oci = new OciTestClient();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/newest-heads", Strategy = ImageSelectionStrategy.NewestBuild };
        await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);
        await RegistryImages.PushAsync(registry, "newest-heads", "v6", 60);
        oci.Log.Clear();

        var result = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);

        result.References!.Count.ShouldBe(7);
        result.References![0].Tag.ShouldBe("v6");
        oci.Log.ManifestRequests(HttpMethod.Head).ShouldBe(7);
        oci.Log.ManifestRequests(HttpMethod.Get).ShouldBe(1);
        oci.Log.BlobRequests.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Over_many_tags_one_new_tag_costs_at_most_three_requests_beyond_tag_listing()
    {
        await RegistryImages.PushAsync(registry, "newest-many", "base", 0);
        await RegistryImages.TagAsync(registry, "newest-many", "base", Enumerable.Range(0, 300).Select(i => $"old-{i:D3}"));
        using var oci = new OciTestClient();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/newest-many", Strategy = ImageSelectionStrategy.NewestBuild, CacheByTag = true };
        (await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None)).References!.Count.ShouldBe(20);
        oci.Log.BlobRequests.ShouldBe(1);

        var newDigest = await RegistryImages.PushAsync(registry, "newest-many", "new", 5);
        oci.Log.Clear();
        var result = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);

        result.References![0].Tag.ShouldBe("new");
        result.References![0].Digest.ShouldBe(newDigest);
        oci.Log.TagListRequests.ShouldBeGreaterThanOrEqualTo(1);
        oci.Log.OtherThanTagListing.ShouldBeLessThanOrEqualTo(3);
    }
}
