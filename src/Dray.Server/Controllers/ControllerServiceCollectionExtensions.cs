using Dray.Core.Controllers;
using Dray.Core.Promotions;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Warehouses;
using Dray.Sources.Discovery;
using Dray.Steps;

namespace Dray.Server.Controllers;

internal static class ControllerServiceCollectionExtensions
{
    /// <summary>The service key of the Promotion <see cref="ReconcilerRunner{TKey}"/>.</summary>
    public const string PromotionRunnerKey = "promotions";

    /// <summary>Discoverers, the Warehouse and Promotion reconcilers, the built-in steps, and (when enabled) their hosted runners.</summary>
    public static IServiceCollection AddDrayControllers(
        this IServiceCollection services, string dataDirectory, bool run, PromotionFaultOptions? faults = null)
    {
        services.AddImageArtifactDiscoverer();
        services.AddGitArtifactDiscoverer(dataDirectory);
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
        services.AddHostingSteps();
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
        }

        return services;
    }
}
