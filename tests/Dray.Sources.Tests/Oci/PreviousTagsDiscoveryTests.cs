using Dray.Core.Model.Warehouses;
using Dray.Sources.Oci;
using Dray.TestKit.Oci;

namespace Dray.Sources.Tests.Oci;

/// <summary>
/// Discovery given the tags the last discovery kept (<see cref="ImageDiscoveryRequest.PreviousTags"/>): it resolves them
/// while the tag list loads, but its answer is the one a discovery without the hint gives, digests included.
/// </summary>
public sealed class PreviousTagsDiscoveryTests(AnonymousOciRegistry registry) : IClassFixture<AnonymousOciRegistry>
{
    [SkippableFact]
    public async Task The_hint_changes_no_result_and_costs_no_request_when_nothing_changed()
    {
        var repository = await SeedAsync("hint-same", ["1.0.0", "1.1.0", "1.2.0", "2.0.0", "latest"]);
        using var oci = new OciTestClient();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/{repository}", DiscoveryLimit = 3 };
        var first = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);
        oci.Log.Clear();

        var second = await oci.Discoverer.DiscoverAsync(request with { PreviousTags = Tags(first) }, null, CancellationToken.None);

        Tags(first).ShouldBe(["2.0.0", "1.2.0", "1.1.0"]);
        Shape(second).ShouldBe(Shape(first));
        oci.Log.TagListRequests.ShouldBe(1);
        oci.Log.ManifestRequests(HttpMethod.Head).ShouldBe(3, "each kept tag is asked for once, early or not");
        oci.Log.OtherThanTagListing.ShouldBe(3);
    }

    [SkippableFact]
    public async Task A_tag_that_moved_since_the_last_discovery_gets_its_new_digest()
    {
        var repository = await SeedAsync("hint-moved", ["1.0.0", "1.1.0"]);
        using var oci = new OciTestClient();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/{repository}" };
        var first = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);

        var moved = await RegistryImages.PushAsync(registry, repository, "1.1.0", 99);
        var second = await oci.Discoverer.DiscoverAsync(request with { PreviousTags = Tags(first) }, null, CancellationToken.None);

        first.References![0].Digest.ShouldNotBe(moved);
        second.References![0].Tag.ShouldBe("1.1.0");
        second.References![0].Digest.ShouldBe(moved);
        second.References![0].CreatedAt.ShouldBe(RegistryImages.Epoch.AddMinutes(99));
    }

    [SkippableFact]
    public async Task A_new_tag_is_kept_and_a_dropped_guess_costs_one_request()
    {
        var repository = await SeedAsync("hint-new", ["1.0.0", "1.1.0", "1.2.0"]);
        using var oci = new OciTestClient();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/{repository}", DiscoveryLimit = 2 };
        var first = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);
        var newest = await RegistryImages.PushAsync(registry, repository, "1.3.0", 50);
        oci.Log.Clear();

        var second = await oci.Discoverer.DiscoverAsync(request with { PreviousTags = Tags(first) }, null, CancellationToken.None);

        Tags(first).ShouldBe(["1.2.0", "1.1.0"]);
        Tags(second).ShouldBe(["1.3.0", "1.2.0"]);
        second.References![0].Digest.ShouldBe(newest);
        oci.Log.ManifestRequests(HttpMethod.Head).ShouldBeInRange(2, 3, "1.3.0 and 1.2.0, plus at most the guess 1.1.0 if it started");
    }

    [SkippableFact]
    public async Task Guesses_for_tags_that_are_gone_or_filtered_out_do_not_fail_the_discovery()
    {
        var repository = await SeedAsync("hint-gone", ["1.0.0", "1.1.0"]);
        using var oci = new OciTestClient();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/{repository}", IgnoreTagsRegexes = ["^3\\."] };

        var result = await oci.Discoverer.DiscoverAsync(
            request with { PreviousTags = ["9.9.9", "3.0.0", "not-a-version", "1.1.0"] }, null, CancellationToken.None);

        Tags(result).ShouldBe(["1.1.0", "1.0.0"]);
        oci.Log.Count((method, path) => method == HttpMethod.Head && path.EndsWith("/manifests/3.0.0", StringComparison.Ordinal))
            .ShouldBe(0, "an ignored tag is never guessed");
        oci.Log.Count((_, path) => path.EndsWith("/manifests/not-a-version", StringComparison.Ordinal))
            .ShouldBe(0, "SemVer guesses only versions");
    }

    [SkippableFact]
    public async Task Lexical_discovery_uses_the_hint_too()
    {
        var repository = await SeedAsync("hint-lexical", ["nightly-1", "nightly-2", "nightly-3"]);
        using var oci = new OciTestClient();
        var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/{repository}", Strategy = ImageSelectionStrategy.Lexical, DiscoveryLimit = 2 };
        var first = await oci.Discoverer.DiscoverAsync(request, null, CancellationToken.None);
        oci.Log.Clear();

        var second = await oci.Discoverer.DiscoverAsync(request with { PreviousTags = Tags(first) }, null, CancellationToken.None);

        Tags(second).ShouldBe(["nightly-3", "nightly-2"]);
        Shape(second).ShouldBe(Shape(first));
        oci.Log.ManifestRequests(HttpMethod.Head).ShouldBe(2);
    }

    private static List<(string Tag, string Digest, DateTimeOffset? CreatedAt)> Shape(ImageDiscoveryResult result) =>
        result.References!.Select(r => (r.Tag, r.Digest, r.CreatedAt)).ToList();

    private static List<string> Tags(ImageDiscoveryResult result) => result.References!.Select(r => r.Tag).ToList();

    private async Task<string> SeedAsync(string repository, IReadOnlyList<string> tags)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            await RegistryImages.PushAsync(registry, repository, tags[i], i + 1);
        }

        return repository;
    }
}
