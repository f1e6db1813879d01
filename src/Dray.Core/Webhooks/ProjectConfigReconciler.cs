using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Controllers;
using Dray.Core.Model;
using Dray.Core.Model.Projects;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Warehouses;

namespace Dray.Core.Webhooks;

/// <summary>
/// Publishes each webhook receiver's path and URL in the ProjectConfig's status. Runs when the ProjectConfig or any
/// Secret of its project changes (a rotated secret changes the URL); writes only when the status changed.
/// </summary>
public sealed class ProjectConfigReconciler(IResourceStore store, ISecretValues secrets, IWebhookBaseUrl baseUrl, TimeProvider timeProvider)
    : IReconciler<ResourceKey>
{
    public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var document = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return ReconcileResult.Done;
        }

        var config = KargoJson.FromDocument<ProjectConfig>(document);
        var project = config.Metadata.Namespace ?? key.Namespace ?? "";
        var values = new Dictionary<string, IReadOnlyDictionary<string, string>?>(StringComparer.Ordinal);
        foreach (var receiver in config.Spec?.WebhookReceivers ?? [])
        {
            if (WebhookReceiverBinding.For(receiver) is { } binding && !values.ContainsKey(binding.SecretName))
            {
                values[binding.SecretName] = await secrets.ReadAsync(project, binding.SecretName, cancellationToken).ConfigureAwait(false);
            }
        }

        var next = WebhookReceiverStatusCalculator.Compute(config, values, baseUrl.Get(), timeProvider.GetUtcNow());
        var nextJson = JsonSerializer.SerializeToNode(next, KargoJson.Options);
        if (!JsonNode.DeepEquals(document.Json["status"], nextJson))
        {
            var updated = document.Clone();
            updated.Json["status"] = nextJson;
            await store.UpdateStatusAsync(updated, cancellationToken).ConfigureAwait(false);
        }

        return ReconcileResult.Done;
    }
}
