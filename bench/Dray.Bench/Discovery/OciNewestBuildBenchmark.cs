using System.Diagnostics;
using System.Globalization;
using Dray.Core.Model.Warehouses;
using Dray.Sources.Oci;
using Dray.TestKit.Oci;

namespace Dray.Bench.Discovery;

/// <summary>
/// NewestBuild over --tags (1,000) distinct images (one pushed with skopeo; the others written into the registry's
/// storage, each with its own config <c>created</c>). Per run and per mode (cacheByTag off and on): a cold discovery
/// with a new client and an empty cache, then one new image under a new tag and a re-discovery whose requests are
/// counted. Floor: one listing of the tags by the same client (what any discovery must do).
/// </summary>
internal sealed class OciNewestBuildBenchmark : IBenchmark
{
    private const string Repository = "bench/newest";
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "oci-newest-build";

    public string Description => "NewestBuild over --tags 1000 images: cold time, requests after one new tag, --runs 5";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var tags = arguments.GetInt("tags", 1_000);
        var runs = arguments.GetInt("runs", 5);
        // Dray's default limiter (50 requests/s per registry) bounds a cold NewestBuild; --rate shows the cost without it.
        int? rate = arguments.GetString("rate") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        var registry = new AnonymousOciRegistry();
        await registry.InitializeAsync();
        try
        {
            await registry.PushImageAsync(Repository, "b00000", new OciImageSpec { Created = Epoch }, cancellationToken);
            var storage = new RegistryStorage(registry.StorageDirectory);
            var seed = Stopwatch.StartNew();
            for (var i = 1; i < tags; i++)
            {
                storage.AddImage(Repository, "b00000", $"b{i:D5}", Epoch.AddMinutes(i));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {tags} images in {seed.ElapsedMilliseconds} ms"));
            var next = tags;
            foreach (var cacheByTag in new[] { false, true })
            {
                var request = new ImageDiscoveryRequest { RepoUrl = $"{registry.Host}/{Repository}", Strategy = ImageSelectionStrategy.NewestBuild, CacheByTag = cacheByTag };
                var listing = new List<double>();
                var cold = new List<double>();
                var extra = new List<int>();
                for (var run = 0; run < runs; run++)
                {
                    using var client = new CountingOciClient(requestsPerSecond: rate);
                    cold.Add(await Timing.MillisecondsAsync(() => client.Discoverer.DiscoverAsync(request, null, cancellationToken)));
                    var coldRequests = client.OtherRequests;
                    using (var lister = new CountingOciClient(requestsPerSecond: rate))
                    {
                        // The floor: listing the tags, which every discovery must do, with a client as cold as the discovery's.
                        var connection = new RegistryConnection(ImageReference.Parse(request.RepoUrl, allowPlainHttp: false));
                        listing.Add(await Timing.MillisecondsAsync(() => lister.Client.ListTagsAsync(connection, cancellationToken)));
                    }

                    var tag = $"b{next:D5}";
                    var digest = storage.AddImage(Repository, "b00000", tag, Epoch.AddMinutes(next++));
                    client.ResetCounts();
                    var result = await client.Discoverer.DiscoverAsync(request, null, cancellationToken);
                    extra.Add(client.OtherRequests);
                    if (result.References![0].Tag != tag || result.References[0].Digest != digest)
                    {
                        throw new InvalidOperationException($"re-discovery chose {result.References[0].Tag}, expected {tag}");
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"cacheByTag={cacheByTag} run {run + 1}: cold {cold[^1]:F1} ms ({coldRequests} requests beyond listing); listing alone {listing[^1]:F1} ms; after one new tag: {client.OtherRequests} requests beyond {client.TagListRequests} tag page(s)"));
                }

                Console.WriteLine($"cacheByTag={cacheByTag}: cold {Timing.Format(cold)}; listing floor {Timing.Format(listing)}; ratio {(Timing.Median(cold) / Timing.Median(listing)).ToString("F1", CultureInfo.InvariantCulture)}; requests after one new tag: {string.Join(", ", extra)}");
            }

            return 0;
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }
}
