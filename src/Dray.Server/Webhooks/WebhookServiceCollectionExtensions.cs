using Dray.Core.Webhooks;

namespace Dray.Server.Webhooks;

internal static class WebhookServiceCollectionExtensions
{
    /// <summary>The receiver types with a provider; <c>generic</c> is handled by <see cref="GenericWebhookSelector"/>.</summary>
    public static IServiceCollection AddDrayWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<IWebhookProvider, GitHubWebhookProvider>();
        services.AddSingleton<IWebhookProvider, GitLabWebhookProvider>();
        services.AddSingleton<IWebhookProvider, GiteaWebhookProvider>();
        services.AddSingleton<IWebhookProvider, BitbucketWebhookProvider>();
        services.AddSingleton<IWebhookProvider, DockerHubWebhookProvider>();
        services.AddSingleton<IWebhookProvider, QuayWebhookProvider>();
        services.AddSingleton<IWebhookProvider, HarborWebhookProvider>();
        services.AddSingleton<IWebhookProvider, ArtifactoryWebhookProvider>();
        services.AddSingleton<IWebhookProvider, AzureWebhookProvider>();
        services.AddSingleton<WebhookReceiverLocator>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<IWebhookBaseUrl, ServerWebhookBaseUrl>();
        services.AddProjectConfigReconciler();
        return services;
    }
}
