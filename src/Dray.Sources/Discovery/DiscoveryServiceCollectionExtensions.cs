using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Git;
using Dray.Sources.Helm;
using Dray.Sources.Oci;
using Microsoft.Extensions.DependencyInjection;

namespace Dray.Sources.Discovery;

public static class DiscoveryServiceCollectionExtensions
{
    /// <summary>Registers OCI image discovery as the Warehouse reconciler's image discoverer.</summary>
    public static IServiceCollection AddImageArtifactDiscoverer(this IServiceCollection services, CacheByTagPolicy cacheByTagPolicy = CacheByTagPolicy.Allow)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOciImageDiscovery();
        services.AddSingleton<IArtifactDiscoverer<ImageSubscription, ImageDiscoveryResult>>(
            sp => new OciImageArtifactDiscoverer(sp.GetRequiredService<ImageDiscoverer>(), cacheByTagPolicy));
        return services;
    }

    /// <summary>Registers git commit discovery, with bare mirrors kept in <c>&lt;dataDirectory&gt;/git-mirrors</c>.</summary>
    public static IServiceCollection AddGitArtifactDiscoverer(this IServiceCollection services, string dataDirectory, bool allowFileUrls = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new GitMirrorOptions { DataDirectory = dataDirectory, AllowFileUrls = allowFileUrls });
        services.AddSingleton<GitMirrorManager>();
        services.AddSingleton<GitCommitDiscoverer>();
        services.AddSingleton<IArtifactDiscoverer<GitSubscription, GitDiscoveryResult>, GitArtifactDiscoverer>();
        return services;
    }

    /// <summary>Registers Helm chart discovery: HTTP repositories through their index, <c>oci://</c> ones through tag lists.</summary>
    public static IServiceCollection AddChartArtifactDiscoverer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOciImageDiscovery();
        services.AddHttpClient(HelmIndexClient.HttpClientName);
        services.AddHttpClient(HelmIndexClient.InsecureHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
#pragma warning disable CA5359 // The subscription explicitly asked for insecureSkipTLSVerify.
                SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
#pragma warning restore CA5359
            });
        services.AddSingleton(sp => new HelmIndexClient(sp.GetRequiredService<IHttpClientFactory>()));
        services.AddSingleton<IOciTagLister, OciRegistryTagLister>();
        services.AddSingleton<ChartDiscoverer>();
        services.AddSingleton<IArtifactDiscoverer<ChartSubscription, ChartDiscoveryResult>, ChartArtifactDiscoverer>();
        return services;
    }
}
