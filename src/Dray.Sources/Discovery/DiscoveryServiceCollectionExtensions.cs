using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Oci;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Sources.Discovery;

public static class DiscoveryServiceCollectionExtensions
{
    /// <summary>Registers OCI image discovery as the Warehouse reconciler's image discoverer.</summary>
    public static IServiceCollection AddImageArtifactDiscoverer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOciImageDiscovery();
        services.AddSingleton<IArtifactDiscoverer<ImageSubscription, ImageDiscoveryResult>, OciImageArtifactDiscoverer>();
        return services;
    }
}
