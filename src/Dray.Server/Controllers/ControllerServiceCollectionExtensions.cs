using Dray.Core.Controllers;
using Dray.Core.GarbageCollection;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Stages;
using Dray.Core.Storage;
using Dray.Core.Warehouses;
using Dray.Core.Webhooks;
using Dray.Sources.Discovery;
using Dray.Sources.Metrics;
using Dray.Sources.Oci;
using Dray.Storage.Sqlite;
using Dray.Steps;
using Microsoft.Extensions.Options;

namespace Dray.Server.Controllers;

internal static class ControllerServiceCollectionExtensions
{
    /// <summary>The service key of the Promotion <see cref="ReconcilerRunner{TKey}"/>.</summary>
    public const string PromotionRunnerKey = "promotions";

    /// <summary>Discoverers, the Warehouse, Promotion and Stage reconcilers, the built-in steps, and (when enabled) their hosted runners.</summary>
    public static IServiceCollection AddDrayControllers(this IServiceCollection services, string dataDirectory, bool run)
    {
        // Registered before the discoverers, whose in-memory default is only a fallback.
        services.AddSingleton<ICacheStore>(_ => new SqliteCacheStore(Path.Combine(dataDirectory, "cache.db")));
        services.AddSingleton<IImageMetadataCache, PersistentImageMetadataCache>();
        services.AddImageArtifactDiscoverer();
        services.AddGitArtifactDiscoverer(dataDirectory);
        services.AddChartArtifactDiscoverer();
        services.AddSingleton<ISecretValues, SecretReaderValues>();
        services.AddWarehouseReconciler();
        services.AddSingleton<IFreightAvailability, StageFreightAvailability>();
        services.AddPromotionEngine();
        services.AddManifestSteps();
        services.AddHostingSteps();
        services.AddMetricProviders();
        services.AddOptions<StageReconcilerOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StageReconcilerOptions>>().Value);
        services.AddStageReconciler();
        services.AddOptions<GarbageCollectionOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GarbageCollectionOptions>>().Value);
        services.AddScoped<GarbageCollector>();
        services.AddGitSteps();
        services.AddKeyedSingleton(PromotionRunnerKey, (sp, _) =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new ReconcilerRunner<ResourceKey>(
                sp.GetRequiredService<IServiceScopeFactory>(),
                sp.GetRequiredService<IResourceStore>(),
                new WorkQueue<ResourceKey>(time),
                ResourceKeyWork.ForKind<PromotionReconciler>(PromotionRunnerKey, ResourceKinds.Promotion.Kind),
                time,
                sp.GetRequiredService<ILogger<ReconcilerRunner<ResourceKey>>>());
        });
        if (run)
        {
            // AddHostedService would fold two factories of the same type into one; these are two services.
            services.AddSingleton<IHostedService>(sp => new ReconcilerHostedService(
                sp.GetRequiredKeyedService<ReconcilerRunner<ResourceKey>>(WarehouseServiceCollectionExtensions.RunnerKey)));
            services.AddSingleton<IHostedService>(sp => new ReconcilerHostedService(
                sp.GetRequiredKeyedService<ReconcilerRunner<ResourceKey>>(PromotionRunnerKey)));
            services.AddSingleton<IHostedService>(sp => new ReconcilerHostedService(
                sp.GetRequiredKeyedService<ReconcilerRunner<ResourceKey>>(StageServiceCollectionExtensions.RunnerKey)));
            services.AddSingleton<IHostedService>(sp => new ReconcilerHostedService(
                sp.GetRequiredKeyedService<ReconcilerRunner<ResourceKey>>(ProjectConfigServiceCollectionExtensions.RunnerKey)));
            services.AddHostedService<GarbageCollectionService>();
        }

        return services;
    }
}
