using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dray.Core.FreightIdentity;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dray.Bench.Promotions;

/// <summary>
/// Runs Promotions of --steps (200) no-op steps against a fresh SQLite store and reports the wall time per step:
/// everything the engine does around a step (if, vars and config evaluation, metadata, one status write).
/// </summary>
internal sealed class EngineOverheadBenchmark : IBenchmark
{
    private const string Project = "demo";
    private const string Freight = "abcdef0123456789abcdef0123456789abcdef01";

    public string Name => "engine-overhead";

    public string Description => "run --promotions (5) Promotions of --steps (200) no-op steps; time per step";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var steps = arguments.GetInt("steps", 200);
        var promotions = arguments.GetInt("promotions", 5);
        var directory = Directory.CreateTempSubdirectory("dray-bench-engine-").FullName;
        try
        {
            await using var store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = Path.Combine(directory, "engine.db") }, TimeProvider.System);
            await SeedAsync(store, steps, cancellationToken);
            var options = new PromotionEngineOptions { WorkRoot = Path.Combine(directory, "work") };
            var runner = new PromotionRunner(
                store, new NoOpResolver(), new StorePromotionExpressionDataLoader(store), options, TimeProvider.System, NullLogger<PromotionRunner>.Instance);
            var creator = new PromotionCreator(store, new MonotonicUlidFactory(TimeProvider.System));
            var perStep = new List<double>();
            for (var i = 0; i < promotions; i++)
            {
                var promotion = await creator.CreateAsync(Project, "bench", Freight, null, cancellationToken);
                var key = new ResourceKey(ResourceKinds.Promotion.Kind, Project, promotion.Metadata.Name!);
                var started = Stopwatch.GetTimestamp();
                var result = await runner.RunAsync(key, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (result?.Phase != PromotionPhase.Succeeded)
                {
                    await Console.Error.WriteLineAsync($"promotion ended {result?.Phase}");
                    return 1;
                }

                perStep.Add(elapsed / steps);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {i + 1}: {steps} steps in {elapsed:F0} ms = {elapsed / steps:F2} ms/step"));
            }

            perStep.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"engine overhead: median {Percentiles.Of(perStep, 50):F2} ms/step, min {perStep[0]:F2}, max {perStep[^1]:F2} ({promotions} runs of {steps} steps)"));
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task SeedAsync(SqliteResourceStore store, int steps, CancellationToken cancellationToken)
    {
        var origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "w" };
        var config = JsonDocument.Parse("""{"stage":"${{ ctx.stage }}","value":"${{ vars.v }}"}""").RootElement.Clone();
        var stage = new Stage
        {
            Metadata = new ObjectMeta { Name = "bench", Namespace = Project },
            Spec = new StageSpec
            {
                Vars = [new ExpressionVariable { Name = "v", Value = "x" }],
                RequestedFreight = [new FreightRequest { Origin = origin, Sources = new FreightSources { Direct = true } }],
                PromotionTemplate = new PromotionTemplate
                {
                    Spec = new PromotionTemplateSpec { Steps = Enumerable.Range(0, steps).Select(_ => new PromotionStep { Uses = "noop", Config = config }).ToList() },
                },
            },
        };
        await store.CreateAsync(KargoJson.ToDocument(stage), cancellationToken);
        await store.CreateAsync(KargoJson.ToDocument(new Freight { Metadata = new ObjectMeta { Name = Freight, Namespace = Project }, Origin = origin }), cancellationToken);
    }
}
