using Dray.Core.Controllers;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Dray.Core.Webhooks;

public static class ProjectConfigServiceCollectionExtensions
{
    /// <summary>The service key of the ProjectConfig <see cref="ReconcilerRunner{TKey}"/>.</summary>
    public const string RunnerKey = "projectconfigs";

    /// <summary>
    /// Registers the ProjectConfig reconciler and its runner (keyed <see cref="RunnerKey"/>). The host registers
    /// <see cref="IWebhookBaseUrl"/> and <c>ISecretValues</c>, and a hosted service that runs the runner.
    /// </summary>
    public static IServiceCollection AddProjectConfigReconciler(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ProjectConfigReconciler>();
        services.AddKeyedSingleton(RunnerKey, (sp, _) =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new ReconcilerRunner<ResourceKey>(
                sp.GetRequiredService<IServiceScopeFactory>(),
                sp.GetRequiredService<IResourceStore>(),
                new WorkQueue<ResourceKey>(time),
                Work(),
                time,
                sp.GetRequiredService<ILogger<ReconcilerRunner<ResourceKey>>>());
        });
        return services;
    }

    /// <summary>A ProjectConfig is named like its project, so a Secret change maps to the ProjectConfig of its namespace.</summary>
    public static ReconcilerRunnerOptions<ResourceKey> Work() =>
        ResourceKeyWork.ForKind<ProjectConfigReconciler>(RunnerKey, ResourceKinds.ProjectConfig.Kind) with
        {
            WatchKind = null,
            Workers = 1,
            KeysForChange = KeysForChange,
        };

    public static IEnumerable<ResourceKey> KeysForChange(ResourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var document = change.Document;
        if (document.Kind == ResourceKinds.ProjectConfig.Kind)
        {
            return [document.Key];
        }

        return document.Kind == ResourceKinds.Secret.Kind && document.Namespace is { } project
            ? [new ResourceKey(ResourceKinds.ProjectConfig.Kind, project, project)]
            : [];
    }
}
