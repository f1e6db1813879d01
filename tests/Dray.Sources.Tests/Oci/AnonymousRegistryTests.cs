using Dray.Core.Model.Warehouses;
using Dray.Sources.Oci;
using Dray.TestKit.Oci;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Sources.Tests.Oci;

public sealed class AnonymousRegistryTests(AnonymousOciRegistry registry) : IClassFixture<AnonymousOciRegistry>
{
    private RegistryConnection Connection(string repository) => new(ImageReference.Parse($"{registry.Host}/{repository}"));

    [SkippableFact]
    public async Task Probe_succeeds_without_credentials()
    {
        using var oci = new OciTestClient();

        await oci.Client.ProbeAsync(Connection("anything"), CancellationToken.None);

        oci.Log.Requests.ShouldHaveSingleItem().Uri.AbsolutePath.ShouldBe("/v2/");
    }

    [SkippableFact]
    public async Task Lists_every_tag_of_a_repository_larger_than_a_page()
    {
        await RegistryImages.PushAsync(registry, "paged", "seed", 0);
        await RegistryImages.TagAsync(registry, "paged", "seed", Enumerable.Range(1, 119).Select(i => $"t{i:D3}"));
        using var oci = new OciTestClient(new OciRegistryClientOptions { TagPageSize = 50 });

        var tags = await oci.Client.ListTagsAsync(Connection("paged"), CancellationToken.None);

        tags.Count.ShouldBe(120);
        tags.Order(StringComparer.Ordinal).ShouldBe(await registry.ListTagsAsync("paged"));
        // distribution 2.8 ignores n and answers everything at once; v3 pages with Link (3 requests).
        oci.Log.TagListRequests.ShouldBeInRange(1, 3);
    }

    [SkippableFact]
    public async Task Missing_repository_is_a_clear_not_found_error()
    {
        using var oci = new OciTestClient();

        var error = await Should.ThrowAsync<RegistryNotFoundException>(() => oci.Client.ListTagsAsync(Connection("no/such-repo"), CancellationToken.None));

        error.Message.ShouldBe($"repository no/such-repo not found on {registry.Host}");
        oci.Log.Requests.Count.ShouldBe(1);
    }

    [SkippableFact]
    public async Task SemVer_selects_by_constraint_and_fetches_metadata_only_for_kept_references()
    {
        var digests = new Dictionary<string, string>();
        foreach (var (tag, minute) in new[] { ("1.0.0", 1), ("1.2.0", 2), ("v1.9.0", 3), ("1.10.0", 4), ("2.0.0-rc.1", 5), ("latest", 6), ("1.0", 7) })
        {
            digests[tag] = await RegistryImages.PushAsync(registry, "semver", tag, minute);
        }

        await RegistryImages.TagAsync(registry, "semver", "latest", Enumerable.Range(0, 40).Select(i => $"build-{i}"));
        using var oci = new OciTestClient();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/semver", Constraint = "^1.0.0", DiscoveryLimit = 3 };

        var result = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);

        result.References!.Select(r => r.Tag).ShouldBe(["1.10.0", "v1.9.0", "1.2.0"]);
        result.References!.Select(r => r.Digest).ShouldBe([digests["1.10.0"], digests["v1.9.0"], digests["1.2.0"]]);
        result.References![0].CreatedAt.ShouldBe(RegistryImages.Epoch.AddMinutes(4));
        oci.Log.ManifestRequests(HttpMethod.Head).ShouldBe(3);
        oci.Log.ManifestRequests(HttpMethod.Get).ShouldBe(3);
        oci.Log.BlobRequests.ShouldBe(3);

        oci.Log.Clear();
        var again = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);

        again.References!.Select(r => (r.Tag, r.Digest, r.CreatedAt)).ShouldBe(result.References!.Select(r => (r.Tag, r.Digest, r.CreatedAt)));
        oci.Log.OtherThanTagListing.ShouldBe(3, "unchanged tags cost one HEAD each and no manifest or config fetch");
    }

    [SkippableFact]
    public async Task Discovery_works_as_registered_for_dependency_injection()
    {
        var digest = await RegistryImages.PushAsync(registry, "di", "0.1.0", 1);
        var services = new ServiceCollection().AddOciImageDiscovery();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var result = await provider.GetRequiredService<ImageDiscoverer>().DiscoverAsync(
            new ImageSubscription { RepoURL = $"{registry.Host}/di" }, "app", null, CancellationToken.None);

        result.RepoURL.ShouldBe($"{registry.Host}/di");
        result.SubscriptionName.ShouldBe("app");
        result.Platform.ShouldBeNull();
        result.References!.ShouldHaveSingleItem().Digest.ShouldBe(digest);
        provider.GetRequiredService<RegistryRateLimiterRegistry>().Count.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Lexical_filters_then_sorts_by_tag_text()
    {
        foreach (var (tag, minute) in new[] { ("nightly-20240103", 1), ("nightly-20240101", 2), ("nightly-20240102-rc", 3), ("release-1", 4) })
        {
            await RegistryImages.PushAsync(registry, "lexical", tag, minute);
        }

        using var oci = new OciTestClient();
        var result = await oci.Discoverer.DiscoverAsync(
            new ImageDiscoveryRequest
            {
                RepoUrl = $"{registry.Host}/lexical",
                Strategy = ImageSelectionStrategy.Lexical,
                AllowTagsRegexes = ["^nightly-"],
                IgnoreTagsRegexes = ["-rc$"],
            },
            null,
            CancellationToken.None);

        result.References!.Select(r => r.Tag).ShouldBe(["nightly-20240103", "nightly-20240101"]);
    }

    [SkippableFact]
    public async Task Digest_tracks_the_current_digest_of_a_mutable_tag()
    {
        var first = await RegistryImages.PushAsync(registry, "digest", "stable", 1);
        using var oci = new OciTestClient();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/digest", Strategy = ImageSelectionStrategy.Digest, Constraint = "stable" };

        var before = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);
        var second = await RegistryImages.PushAsync(registry, "digest", "stable", 2);
        var after = await oci.Discoverer.DiscoverAsync(request with { CacheByTag = true }, null, CancellationToken.None);

        second.ShouldNotBe(first);
        before.References!.ShouldHaveSingleItem().Digest.ShouldBe(first);
        after.References!.ShouldHaveSingleItem().Digest.ShouldBe(second);
        after.References![0].Tag.ShouldBe("stable");
        after.References![0].CreatedAt.ShouldBe(RegistryImages.Epoch.AddMinutes(2));
        oci.Log.TagListRequests.ShouldBe(0);
    }
}
