using Dray.Core.Controllers;
using Dray.Core.FreightIdentity;
using Dray.Core.Model.Warehouses;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Dray.Core.Warehouses;

public static class WarehouseServiceCollectionExtensions
{
    /// <summary>The service key of the Warehouse <see cref="ReconcilerRunner{TKey}"/>.</summary>
    public const string RunnerKey = "warehouses";

    /// <summary>
    /// Registers the Warehouse reconciler and its runner (keyed <see cref="RunnerKey"/>). The host still registers
    /// the <see cref="IArtifactDiscoverer{TSubscription, TResult}"/> implementations (a type without one fails
    /// discovery with a clear message), logging, and a hosted
    /// service that calls <see cref="ReconcilerRunner{TKey}.RunAsync"/>. <see cref="ISecretValues"/> defaults to
    /// reading Secrets unencrypted from the store; a host that encrypts them registers its own first.
    /// </summary>
    public static IServiceCollection AddWarehouseReconciler(this IServiceCollection services, WarehouseReconcilerOptions? options = null, int workers = 2)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecretValues, StoredSecretValues>();
        services.TryAddSingleton<ICredentialProvider, SecretCredentialProvider>();
        // Registrations made later (AddSingleton of a real discoverer) win over these stand-ins.
        services.TryAddSingleton<IArtifactDiscoverer<ImageSubscription, ImageDiscoveryResult>>(new UnavailableDiscoverer<ImageSubscription, ImageDiscoveryResult>("image"));
        services.TryAddSingleton<IArtifactDiscoverer<GitSubscription, GitDiscoveryResult>>(new UnavailableDiscoverer<GitSubscription, GitDiscoveryResult>("git"));
        services.TryAddSingleton<IArtifactDiscoverer<ChartSubscription, ChartDiscoveryResult>>(new UnavailableDiscoverer<ChartSubscription, ChartDiscoveryResult>("chart"));
        services.AddSingleton(options ?? new WarehouseReconcilerOptions());
        services.AddSingleton<WarehouseDiscoveryTracker>();
        services.AddSingleton<FreightAliasGenerator>();
        services.AddScoped<WarehouseDiscovery>();
        services.AddScoped<FreightPublisher>();
        services.AddScoped<WarehouseReconciler>();
        services.AddKeyedSingleton(RunnerKey, (sp, _) =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new ReconcilerRunner<ResourceKey>(
                sp.GetRequiredService<IServiceScopeFactory>(),
                sp.GetRequiredService<IResourceStore>(),
                new WorkQueue<ResourceKey>(time),
                ResourceKeyWork.ForKind<WarehouseReconciler>(RunnerKey, ResourceKinds.Warehouse.Kind) with { Workers = workers },
                time,
                sp.GetRequiredService<ILogger<ReconcilerRunner<ResourceKey>>>());
        });
        return services;
    }
}
