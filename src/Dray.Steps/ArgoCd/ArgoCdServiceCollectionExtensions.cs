using Dray.Steps.ApiClients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dray.Steps.ArgoCd;

public static class ArgoCdServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ArgoCdClientFactory"/> and its verified and insecure HttpClients.</summary>
    public static IServiceCollection AddArgoCdClient(this IServiceCollection services, ApiTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options ?? new ApiTransportOptions());
        services.TryAddSingleton<ArgoCdClientFactory>();
        services.AddHttpClient(ArgoCdClientFactory.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5));
        services.AddHttpClient(ArgoCdClientFactory.InsecureHttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
#pragma warning disable CA5359 // The Argo CD connection explicitly asked for insecureSkipTLSVerify.
                SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
#pragma warning restore CA5359
            });
        return services;
    }
}
