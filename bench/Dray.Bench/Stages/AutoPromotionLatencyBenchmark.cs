using System.Diagnostics;
using System.Globalization;
using Dray.Core.Model;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Bench.Stages;

/// <summary>
/// Freight stored, then the auto-promotion's Promotion stored: the Stage controller's reaction time through the
/// change feed. Each sample waits until the previous Promotion finished and the Stage recorded it.
/// </summary>
internal sealed class AutoPromotionLatencyBenchmark : IBenchmark
{
    private const string Project = "bench";

    public string Name => "stage-autopromote";

    public string Description => "store --freight (50) Freight one by one; time until each auto-promotion is stored (p50/p95)";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var count = arguments.GetInt("freight", 50);
        await using var host = new StageBenchHost();
        await StageBenchSeed.ProjectAsync(host.Store, Project, 1, cancellationToken);
        host.Start();
        var samples = new List<double>();
        for (var n = 1; n <= count; n++)
        {
            var revision = await host.Store.GetRevisionAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await StageBenchSeed.FreightAsync(host.Store, Project, n, cancellationToken);
            var promotion = await FirstAsync(host.Store, revision, ResourceKinds.Promotion.Kind,
                d => (string?)d.Spec?["freight"] == StageBenchSeed.Name(n), cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await FirstAsync(host.Store, revision, ResourceKinds.Stage.Kind,
                d => KargoJson.FromDocument<Stage>(d).Status is { LastPromotion.Name: var last, CurrentPromotion: null } && last == promotion.Name, cancellationToken);
        }

        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"freight stored -> auto-promotion stored: p50 {Percentiles.Of(samples, 50):F1} ms, p95 {Percentiles.Of(samples, 95):F1} ms, max {samples[^1]:F1} ms ({count} samples)"));
        return 0;
    }

    private static async Task<ResourceDocument> FirstAsync(IResourceStore store, long from, string kind, Func<ResourceDocument, bool> match, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await foreach (var change in store.WatchAsync(new WatchQuery(from, kind, Project), timeout.Token))
        {
            if (change.Type != ChangeType.Deleted && match(change.Document))
            {
                return change.Document;
            }
        }

        throw new TimeoutException($"no matching {kind} within a minute");
    }
}
