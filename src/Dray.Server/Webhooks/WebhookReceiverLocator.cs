using Dray.Core.Model;
using Dray.Core.Model.Projects;
using Dray.Core.Resources;
using Dray.Core.Storage;
using Dray.Core.Webhooks;
using Dray.Server.Secrets;

namespace Dray.Server.Webhooks;

/// <summary>
/// Finds the receiver a URL path names by deriving each configured receiver's token from its Secret as it is now,
/// so a rotated secret retires the old URL at once, even before the status is republished.
/// </summary>
public sealed class WebhookReceiverLocator(IResourceStore store, ISecretReader secrets)
{
    private const int PageSize = 200;

    public async Task<LocatedReceiver?> FindAsync(string type, string token, CancellationToken cancellationToken)
    {
        string? continueToken = null;
        do
        {
            var page = await store.ListAsync(new ListQuery(ResourceKinds.ProjectConfig.Kind, Limit: PageSize, ContinueToken: continueToken), cancellationToken)
                .ConfigureAwait(false);
            foreach (var document in page.Items)
            {
                var project = document.Namespace ?? document.Name;
                var config = KargoJson.FromDocument<ProjectConfig>(document);
                foreach (var receiver in config.Spec?.WebhookReceivers ?? [])
                {
                    if (WebhookReceiverBinding.For(receiver) is not { } binding || binding.Type != type)
                    {
                        continue;
                    }

                    var values = await secrets.ReadAsync(project, binding.SecretName, cancellationToken).ConfigureAwait(false);
                    if (values?.GetValueOrDefault(binding.SecretKey) is { Length: > 0 } secret
                        && WebhookReceiverPath.TokenEquals(WebhookReceiverPath.Token(project, receiver.Name, secret), token))
                    {
                        return new LocatedReceiver(project, receiver, secret);
                    }
                }
            }

            continueToken = page.ContinueToken;
        }
        while (continueToken is not null);

        return null;
    }
}
