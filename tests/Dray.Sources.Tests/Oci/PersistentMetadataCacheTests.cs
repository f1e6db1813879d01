using Dray.Core.Model.Warehouses;
using Dray.Sources.Oci;
using Dray.Storage.Sqlite;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Oci;

/// <summary>The metadata cache in SQLite: a new process (new cache store on the same file) fetches no manifest or config again.</summary>
public sealed class PersistentMetadataCacheTests(AnonymousOciRegistry registry) : IClassFixture<AnonymousOciRegistry>
{
    [SkippableFact]
    public async Task Rediscovery_after_a_restart_fetches_no_manifest_or_config_of_unchanged_tags()
    {
        for (var i = 0; i < 4; i++)
        {
            await RegistryImages.PushAsync(registry, "persisted", $"1.0.{i}", i);
        }

        using var temp = new TempDirectory();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/persisted", Strategy = ImageSelectionStrategy.NewestBuild };
        ImageDiscoveryResult first;
        using (var store = new SqliteCacheStore(temp.File("cache.db")))
        using (var oci = new OciTestClient(cache: new PersistentImageMetadataCache(store)))
        {
            first = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);
            oci.Log.BlobRequests.ShouldBe(4);
        }

        using (var store = new SqliteCacheStore(temp.File("cache.db")))
        using (var oci = new OciTestClient(cache: new PersistentImageMetadataCache(store)))
        {
            var second = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);

            second.References!.Select(r => (r.Tag, r.Digest, r.CreatedAt)).ShouldBe(first.References!.Select(r => (r.Tag, r.Digest, r.CreatedAt)));
            second.References![0].Tag.ShouldBe("1.0.3");
            oci.Log.BlobRequests.ShouldBe(0);
            oci.Log.ManifestRequests(HttpMethod.Get).ShouldBe(0);
            oci.Log.ManifestRequests(HttpMethod.Head).ShouldBe(4);
        }
    }

    [SkippableFact]
    public async Task With_cacheByTag_a_restart_costs_only_the_tag_listing()
    {
        await RegistryImages.PushAsync(registry, "persisted-tags", "a", 1);
        await RegistryImages.PushAsync(registry, "persisted-tags", "b", 2);
        using var temp = new TempDirectory();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/persisted-tags", Strategy = ImageSelectionStrategy.NewestBuild, CacheByTag = true };
        using (var store = new SqliteCacheStore(temp.File("cache.db")))
        using (var oci = new OciTestClient(cache: new PersistentImageMetadataCache(store)))
        {
            await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);
            oci.Log.OtherThanTagListing.ShouldBe(4);
        }

        using (var store = new SqliteCacheStore(temp.File("cache.db")))
        using (var oci = new OciTestClient(cache: new PersistentImageMetadataCache(store)))
        {
            var result = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);

            result.References!.Select(r => r.Tag).ShouldBe(["b", "a"]);
            oci.Log.TagListRequests.ShouldBe(1);
            oci.Log.OtherThanTagListing.ShouldBe(0);
        }
    }
}
