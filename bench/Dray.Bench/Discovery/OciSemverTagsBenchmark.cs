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
            var warm = new List<double>();
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
                }

                using var client = new CountingOciClient();
                ImageDiscoveryResult? result = null;
                cold.Add(await Timing.MillisecondsAsync(async () => result = await client.Discoverer.DiscoverAsync(request, null, cancellationToken)));
                if (result!.References![0].Tag != TagName(tags - 1) || result.References.Count != 20)
                {
                    throw new InvalidOperationException($"discovery chose {result.References[0].Tag}, expected {TagName(tags - 1)}");
                }

                var coldRequests = (client.TagListRequests, client.OtherRequests);
                client.ResetCounts();
                warm.Add(await Timing.MillisecondsAsync(() => client.Discoverer.DiscoverAsync(request, null, cancellationToken)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run + 1}: skopeo {floor[^1]:F1} ms, cold {cold[^1]:F1} ms ({coldRequests.TagListRequests} tag pages + {coldRequests.OtherRequests} other), warm {warm[^1]:F1} ms ({client.TagListRequests} + {client.OtherRequests})"));
            }

            Console.WriteLine($"floor skopeo list-tags: {Timing.Format(floor)}");
            Console.WriteLine($"  of which listing:     {Timing.Format(listing)}");
            Console.WriteLine($"  full ordering (best of 10 per run): {Timing.Format(ordering)}");
            Console.WriteLine($"  of which top-20 selection (best of 10 per run): {Timing.Format(selection)}");
            Console.WriteLine($"cold SemVer discovery:  {Timing.Format(cold)}  ratio {Ratio(cold, floor)}");
            Console.WriteLine($"warm SemVer discovery:  {Timing.Format(warm)}  ratio {Ratio(warm, floor)}");
            return 0;
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    private static string TagName(int i) => string.Create(CultureInfo.InvariantCulture, $"{i / 1000}.{i / 10 % 100}.{i % 10}");

    private static string Ratio(IReadOnlyList<double> ours, IReadOnlyList<double> floor) =>
        (Timing.Median(ours) / Timing.Median(floor)).ToString("F2", CultureInfo.InvariantCulture);
}
