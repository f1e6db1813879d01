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
using Dray.Steps.ArgoCd;
using Microsoft.Extensions.Options;

namespace Dray.Server.Controllers;

internal static class ControllerServiceCollectionExtensions
{
    /// <summary>The service key of the Promotion <see cref="ReconcilerRunner{TKey}"/>.</summary>
    public const string PromotionRunnerKey = "promotions";

    /// <summary>Discoverers, the Warehouse, Promotion and Stage reconcilers, the built-in steps, and (when enabled) their hosted runners.</summary>
    public static IServiceCollection AddDrayControllers(
        this IServiceCollection services, string dataDirectory, bool run, bool allowFileGitUrls = false, PromotionFaultOptions? faults = null,
        ArgoCdStepOptions? argoCd = null, CacheByTagPolicy cacheByTagPolicy = CacheByTagPolicy.Allow)
    {
        // Registered before the discoverers, whose in-memory default is only a fallback.
        services.AddSingleton<ICacheStore>(_ => new SqliteCacheStore(Path.Combine(dataDirectory, "cache.db")));
        services.AddSingleton<IImageMetadataCache, PersistentImageMetadataCache>();
        services.AddImageArtifactDiscoverer(cacheByTagPolicy);
        services.AddGitArtifactDiscoverer(dataDirectory, allowFileGitUrls);
        services.AddChartArtifactDiscoverer();
        services.AddSingleton<ISecretValues, SecretReaderValues>();
        services.AddWarehouseReconciler();
        services.AddSingleton<IFreightAvailability, StageFreightAvailability>();
        services.AddPromotionEngine(o =>
        {
            // Next to the store, so that a restarted server finds the work of the Promotions it resumes.
            o.WorkRoot = Path.Combine(dataDirectory, "promotions");
            faults?.CopyTo(o.Faults);
        });
        services.AddManifestSteps();
        services.AddHostingSteps(argoCd);
        services.AddControlSteps();
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
