using Dray.Core.Controllers;
using Dray.Core.FreightIdentity;
using Dray.Core.Resources;
using Dray.Core.Stages.HealthChecks;
using Dray.Core.Stages.Verifying;
using Dray.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Dray.Core.Stages;

public static class StageServiceCollectionExtensions
{
    /// <summary>The service key of the Stage <see cref="ReconcilerRunner{TKey}"/>.</summary>
    public const string RunnerKey = StageWork.Name;

    /// <summary>
    /// Registers the Stage controller and its runner (keyed <see cref="RunnerKey"/>). The host registers the
    /// promotion engine, an <see cref="Verification.AnalysisRunner"/> with its metric providers, any
    /// <see cref="IHealthChecker"/>s, and a hosted service that runs the runner.
    /// </summary>
    public static IServiceCollection AddStageReconciler(this IServiceCollection services, StageReconcilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MonotonicUlidFactory>();
        services.TryAddSingleton(options ?? new StageReconcilerOptions());
        services.TryAddSingleton<StageIndex>();
        services.TryAddSingleton<StageHealthEvaluator>();
        services.TryAddScoped<StageVerifier>();
        services.TryAddScoped<StageReconciler>();
        services.TryAddSingleton<StageVerificationService>();
        services.AddKeyedSingleton(RunnerKey, (sp, _) =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new ReconcilerRunner<ResourceKey>(
                sp.GetRequiredService<IServiceScopeFactory>(),
                sp.GetRequiredService<IResourceStore>(),
                new WorkQueue<ResourceKey>(time),
                StageWork.Create(sp.GetRequiredService<StageIndex>(), sp.GetRequiredService<StageReconcilerOptions>()),
                time,
                sp.GetRequiredService<ILogger<ReconcilerRunner<ResourceKey>>>());
        });
        return services;
    }
}
