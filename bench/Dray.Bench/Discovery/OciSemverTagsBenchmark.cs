using System.Diagnostics;
using System.Globalization;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Oci;
using Dray.TestKit.Infrastructure;
using Dray.TestKit.Oci;

namespace Dray.Bench.Discovery;

/// <summary>
/// --tags (10,000) SemVer tags on one image in one repository of a real <c>docker-registry</c> (one image pushed with
/// skopeo, the other tags written into the registry's storage). Each run times, interleaved: the floor,
/// <c>skopeo list-tags</c> of the repository (a process); a cold SemVer discovery (new client, empty cache); a warm one.
/// </summary>
internal sealed class OciSemverTagsBenchmark : IBenchmark
{
    private const string Repository = "bench/semver";

    public string Name => "oci-semver-tags";

    public string Description => "SemVer discovery over --tags 10000 tags vs skopeo list-tags, --runs 5";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var tags = arguments.GetInt("tags", 10_000);
        var runs = arguments.GetInt("runs", 5);
        var registry = new AnonymousOciRegistry();
        await registry.InitializeAsync();
        try
        {
            await registry.PushImageAsync(Repository, TagName(0), new OciImageSpec { Created = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) }, cancellationToken);
            var storage = new RegistryStorage(registry.StorageDirectory);
            var digest = storage.TagDigest(Repository, TagName(0));
            var seed = Stopwatch.StartNew();
            for (var i = 1; i < tags; i++)
            {
                storage.Tag(Repository, TagName(i), digest);
            }

            var listed = await registry.ListTagsAsync(Repository, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {tags} tags in {seed.ElapsedMilliseconds} ms; skopeo lists {listed.Count}"));
            if (listed.Count != tags)
            {
                return 1;
            }

            var skopeo = HostBinary.Find("skopeo", "skopeo");
            var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/{Repository}", Strategy = ImageSelectionStrategy.SemVer };
            var floor = new List<double>();
            var listing = new List<double>();
            var ordering = new List<double>();
            var selection = new List<double>();
            var cold = new List<double>();
            var restart = new List<double>();
            var warm = new List<double>();
            var heads8 = new List<double>();
            var heads20 = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                floor.Add(await Timing.MillisecondsAsync(() => ProcessRunner.RunCheckedAsync(
                    skopeo, ["list-tags", "--tls-verify=false", $"docker://{registry.Host}/{Repository}"], cancellationToken)));
                using (var lister = new CountingOciClient())
                {
                    // The discovery's parts: a cold listing alone, then ordering what it returned.
                    IReadOnlyList<string> all = [];
                    listing.Add(await Timing.MillisecondsAsync(async () =>
                        all = await lister.Client.ListTagsAsync(new RegistryConnection(ImageReference.Parse(request.RepoUrl)), cancellationToken)));
                    var best = double.MaxValue;
                    for (var repeat = 0; repeat < 10; repeat++)
                    {
                        best = Math.Min(best, await Timing.MillisecondsAsync(() =>
                        {
                            _ = TagOrdering.SemVer(all, null, strictSemvers: true);
                            return Task.CompletedTask;
                        }));
                    }

                    ordering.Add(best);
                    best = double.MaxValue;
                    for (var repeat = 0; repeat < 10; repeat++)
                    {
                        best = Math.Min(best, await Timing.MillisecondsAsync(() =>
                        {
                            _ = TagOrdering.SemVerTop(all, null, strictSemvers: true, 20);
                            return Task.CompletedTask;
                        }));
                    }

                    selection.Add(best);

                    // The 20 HEADs a discovery makes for the kept references, on the warm client: 8 and 20 in flight.
                    var top = TagOrdering.SemVerTop(all, null, strictSemvers: true, 20);
                    var connection = new RegistryConnection(ImageReference.Parse(request.RepoUrl));
                    heads8.Add(await Timing.MillisecondsAsync(() => Parallel.ForEachAsync(top, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (tag, token) =>
                        await lister.Client.ResolveAsync(connection, tag, token))));
                    heads20.Add(await Timing.MillisecondsAsync(() => Parallel.ForEachAsync(top, new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (tag, token) =>
                        await lister.Client.ResolveAsync(connection, tag, token))));
                }

                // First ever: a new client stack, empty caches, no previous result.
                ImageDiscoveryResult? result = null;
                (int TagLists, int Other) coldRequests;
                using (var first = new CountingOciClient())
                {
                    cold.Add(await Timing.MillisecondsAsync(async () => result = await first.Discoverer.DiscoverAsync(request, null, cancellationToken)));
                    coldRequests = (first.TagListRequests, first.OtherRequests);
                }

                Check(result!, tags);

                // After a restart: a new client stack and empty caches, but the Warehouse status holds what was kept.
                var hinted = request with { PreviousTags = result!.References!.Select(r => r.Tag).ToList() };
                using var client = new CountingOciClient();
                restart.Add(await Timing.MillisecondsAsync(async () => result = await client.Discoverer.DiscoverAsync(hinted, null, cancellationToken)));
                Check(result!, tags);
                var restartRequests = (client.TagListRequests, client.OtherRequests);
                client.ResetCounts();

                // Warm: the same client again, the previous result as the hint.
                warm.Add(await Timing.MillisecondsAsync(async () => result = await client.Discoverer.DiscoverAsync(hinted, null, cancellationToken)));
                Check(result!, tags);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run + 1}: skopeo {floor[^1]:F1} ms, first {cold[^1]:F1} ms ({coldRequests.TagLists} tag pages + {coldRequests.Other} other), restart {restart[^1]:F1} ms ({restartRequests.TagListRequests} + {restartRequests.OtherRequests}), warm {warm[^1]:F1} ms ({client.TagListRequests} + {client.OtherRequests})"));
            }

            Console.WriteLine($"floor skopeo list-tags: {Timing.Format(floor)}");
            Console.WriteLine($"  of which listing:     {Timing.Format(listing)}");
            Console.WriteLine($"  full ordering (best of 10 per run): {Timing.Format(ordering)}");
            Console.WriteLine($"  of which top-20 selection (best of 10 per run): {Timing.Format(selection)}");
            Console.WriteLine($"  20 HEADs, 8 in flight (warm client): {Timing.Format(heads8)}");
            Console.WriteLine($"  20 HEADs, 20 in flight (warm client): {Timing.Format(heads20)}");
            Console.WriteLine($"first SemVer discovery:   {Timing.Format(cold)}  ratio {Ratio(cold, floor)}");
            Console.WriteLine($"after restart (hinted):   {Timing.Format(restart)}  ratio {Ratio(restart, floor)}");
            Console.WriteLine($"warm SemVer discovery:    {Timing.Format(warm)}  ratio {Ratio(warm, floor)}");
            return 0;
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    private static void Check(ImageDiscoveryResult result, int tags)
    {
        if (result.References!.Count != 20 || result.References[0].Tag != TagName(tags - 1))
        {
            throw new InvalidOperationException($"discovery chose {(result.References.Count > 0 ? result.References[0].Tag : "nothing")} ({result.References.Count} kept), expected {TagName(tags - 1)} (20 kept)");
        }
    }

    private static string TagName(int i) => string.Create(CultureInfo.InvariantCulture, $"{i / 1000}.{i / 10 % 100}.{i % 10}");

    private static string Ratio(IReadOnlyList<double> ours, IReadOnlyList<double> floor) =>
        (Timing.Median(ours) / Timing.Median(floor)).ToString("F2", CultureInfo.InvariantCulture);
}
