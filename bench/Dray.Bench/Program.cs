using Dray.Bench;
using Dray.Bench.Discovery;
using Dray.Bench.Git;
using Dray.Bench.Manifests;
using Dray.Bench.Promotions;
using Dray.Bench.Stages;
using Dray.Bench.Sources;
using Dray.Bench.Store;
using Dray.Bench.Ui;

IBenchmark[] benchmarks = [new StorePageBenchmark(), new ApplyStagesBenchmark(), new EngineOverheadBenchmark(),
    new OciSemverTagsBenchmark(), new OciNewestBuildBenchmark(), new GitFanoutBenchmark(), new GitPathDepthBenchmark(),
    new AutoPromotionLatencyBenchmark(), new IdleWritesBenchmark(), new WebhookToPromotionBenchmark(),
    new ProjectPageBenchmark(), new PromoteEndToEndBenchmark(),
    new TagOrderingBenchmark(), new GitWalkBenchmark(), new GitExpressionFilterBenchmark()];

var benchmark = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (benchmark is null)
{
    await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project bench/Dray.Bench -- <benchmark> [--option value ...]");
    foreach (var b in benchmarks)
    {
        await Console.Error.WriteLineAsync($"  {b.Name,-12} {b.Description}");
    }

    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await benchmark.RunAsync(new BenchArguments(args[1..]), cancel.Token);
