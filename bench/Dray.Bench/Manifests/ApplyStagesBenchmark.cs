using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dray.Core.Manifests;
using Dray.Storage.Sqlite;

namespace Dray.Bench.Manifests;

/// <summary>
/// Applies one multi-document YAML holding a Project, a Warehouse and --stages Stages (a pipeline where each Stage
/// takes Freight from the one before it, every tenth straight from the Warehouse) into a fresh SQLite store, through
/// the same validation and conversion pipeline the API uses. Target: 1,000 Stages in at most 5 s.
/// </summary>
internal sealed class ApplyStagesBenchmark : IBenchmark
{
    public string Name => "apply-stages";

    public string Description => "apply one document of --stages Stages (1000) into a fresh store, --runs times (5)";

    public async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var stages = arguments.GetInt("stages", 1_000);
        var runs = arguments.GetInt("runs", 5);
        var yaml = Generate(stages);
        var timings = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var directory = Directory.CreateTempSubdirectory("dray-bench-apply-").FullName;
            try
            {
                await using var store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = Path.Combine(directory, "dray.db") }, TimeProvider.System);
                var applier = new ManifestApplier(store, new KargoManifestSchemas());
                var clock = Stopwatch.StartNew();
                var report = await applier.ApplyAsync([new ManifestSource("stages.yaml", yaml)], new ApplyOptions(), cancellationToken);
                clock.Stop();
                timings.Add(clock.Elapsed.TotalMilliseconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {report.Results.Count} documents applied in {clock.Elapsed.TotalMilliseconds:F0} ms"));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"apply-stages: {stages} Stages, {Encoding.UTF8.GetByteCount(yaml) / 1024} KiB of YAML; median {Percentiles.Of(timings, 50):F0} ms, min {timings[0]:F0} ms, max {timings[^1]:F0} ms over {runs} runs"));
        return 0;
    }

    private static string Generate(int stages)
    {
        var text = new StringBuilder();
        text.Append("apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: bench\n---\n");
        text.Append("apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: images\n  namespace: bench\nspec:\n  subscriptions:\n  - image:\n      repoURL: ghcr.io/example/app\n      constraint: ^1.0.0\n");
        for (var i = 0; i < stages; i++)
        {
            var sources = i % 10 == 0 ? "        direct: true\n" : $"        stages:\n        - stage-{i - 1:D4}\n";
            text.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: kargo.akuity.io/v1alpha1
                kind: Stage
                metadata:
                  name: stage-{i:D4}
                  namespace: bench
                spec:
                  requestedFreight:
                  - origin:
                      kind: Warehouse
                      name: images
                    sources:
                {sources}  promotionTemplate:
                    spec:
                      steps:
                      - uses: git-clone
                        config:
                          repoURL: https://git.example.com/gitops.git
                          checkout:
                          - branch: main
                            path: ./src
                      - uses: kustomize-set-image
                        config:
                          path: ./src/overlays/stage-{i:D4}
                          images:
                          - image: ghcr.io/example/app
                      - uses: git-commit
                        config:
                          path: ./src
                          message: promote stage-{i:D4}
                      - uses: git-push
                        config:
                          path: ./src

                """);
        }

        return text.ToString();
    }
}
