using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dray.Sources.Oci;

public static class OciServiceCollectionExtensions
{
    /// <summary>
    /// Registers the registry client, its two named HttpClients (verified and <c>insecureSkipTLSVerify</c>),
    /// the shared rate limiters and token cache, an in-memory metadata cache (replaceable) and discovery.
    /// </summary>
    public static IServiceCollection AddOciImageDiscovery(
        this IServiceCollection services,
        OciRegistryClientOptions? clientOptions = null,
        RegistryRateLimitOptions? rateLimitOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(clientOptions ?? new OciRegistryClientOptions());
        services.TryAddSingleton(rateLimitOptions ?? new RegistryRateLimitOptions());
        services.TryAddSingleton<RegistryRateLimiterRegistry>();
        services.TryAddSingleton<RegistryTokenCache>();
        services.TryAddSingleton<IImageMetadataCache, InMemoryImageMetadataCache>();
        services.TryAddSingleton<OciRegistryClient>();
        services.TryAddSingleton<ImageDiscoverer>();

        // Polly (inside the client) does retries; the handler only needs a bounded overall timeout.
        services.AddHttpClient(OciRegistryClientOptions.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5));
        services.AddHttpClient(OciRegistryClientOptions.InsecureHttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
#pragma warning disable CA5359 // The subscription explicitly asked for insecureSkipTLSVerify.
                SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
#pragma warning restore CA5359
            });
        return services;
    }
}
