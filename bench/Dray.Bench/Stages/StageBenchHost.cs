using Dray.Bench.Promotions;
using Dray.Core.Controllers;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Storage;
using Dray.Core.Verification;
using Dray.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dray.Bench.Stages;

/// <summary>
/// The Stage and Promotion controllers over a SQLite store in a temp directory, as the server wires them, with
/// steps that do nothing (so the numbers are the controllers' own).
/// </summary>
internal sealed class StageBenchHost : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dray-bench-stages-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;
    private Task _running = Task.CompletedTask;

    public StageBenchHost()
    {
        Store = new SqliteResourceStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_directory, "bench.db") }, TimeProvider.System);
        _services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IResourceStore>(Store)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddPromotionEngine(o => o.WorkRoot = Path.Combine(_directory, "work"))
            .AddSingleton<IPromotionStepResolver, NoOpResolver>()
            .AddSingleton(new AnalysisRunner([], TimeProvider.System))
            .AddStageReconciler()
            .BuildServiceProvider();
        PromotionRunner = new ReconcilerRunner<ResourceKey>(
            _services.GetRequiredService<IServiceScopeFactory>(),
            Store,
            new WorkQueue<ResourceKey>(TimeProvider.System),
            ResourceKeyWork.ForKind<PromotionReconciler>("promotions", ResourceKinds.Promotion.Kind),
            TimeProvider.System,
            NullLogger<ReconcilerRunner<ResourceKey>>.Instance);
    }

    public SqliteResourceStore Store { get; }

    public ReconcilerRunner<ResourceKey> PromotionRunner { get; }

    public void Start()
    {
        var stages = _services.GetRequiredKeyedService<ReconcilerRunner<ResourceKey>>(StageServiceCollectionExtensions.RunnerKey);
        _running = Task.WhenAll(stages.RunAsync(_stop.Token), PromotionRunner.RunAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        await _services.DisposeAsync();
        await Store.DisposeAsync();
        _stop.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
