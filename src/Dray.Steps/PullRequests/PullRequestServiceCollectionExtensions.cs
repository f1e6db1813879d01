using Dray.Steps.ApiClients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dray.Steps.PullRequests;

public static class PullRequestServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PullRequestProviderFactory"/> and its verified and insecure HttpClients.</summary>
    public static IServiceCollection AddPullRequestProviders(this IServiceCollection services, ApiTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options ?? new ApiTransportOptions());
        services.TryAddSingleton<PullRequestProviderFactory>();

        // Polly inside ApiTransport does retries and per-attempt timeouts; the client only bounds the whole call.
        services.AddHttpClient(PullRequestProviderFactory.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5));
        services.AddHttpClient(PullRequestProviderFactory.InsecureHttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
#pragma warning disable CA5359 // The step explicitly asked for insecureSkipTLSVerify.
                SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
#pragma warning restore CA5359
            });
        return services;
    }
}
