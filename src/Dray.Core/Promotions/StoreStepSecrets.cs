using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Resources;
using Dray.Core.Steps;
using Dray.Core.Storage;
using Dray.Core.Warehouses;

namespace Dray.Core.Promotions;

/// <summary>A project's Secrets for steps, read from the store; credentials matched by <see cref="CredentialMatcher"/>.</summary>
public sealed class StoreStepSecrets(IResourceStore store, string project) : IStepSecrets
{
    public async ValueTask<Secret?> GetAsync(string name, CancellationToken ct)
    {
        var document = await store.GetAsync(new ResourceKey(ResourceKinds.Secret.Kind, project, name), ct).ConfigureAwait(false);
        return document is null ? null : KargoJson.FromDocument<Secret>(document);
    }

    public async ValueTask<Secret?> FindCredentialsAsync(string credentialType, string repoUrl, CancellationToken ct)
    {
        var selector = new Dictionary<string, string>(StringComparer.Ordinal) { [KargoLabels.CredentialType] = credentialType };
        var page = await store.ListAsync(new ListQuery(ResourceKinds.Secret.Kind, project, LabelSelector: selector), ct).ConfigureAwait(false);
        var secrets = page.Items.Select(KargoJson.FromDocument<Secret>).ToList();
        var candidates = new List<CredentialCandidate>();
        foreach (var secret in secrets)
        {
            if (secret.TryGetValue("repoURL", out var url))
            {
                var isRegex = secret.TryGetValue("repoURLIsRegex", out var flag) && bool.TryParse(flag, out var parsed) && parsed;
                candidates.Add(new CredentialCandidate(secret.Metadata.Name ?? "", url, isRegex));
            }
        }

        return CredentialMatcher.Match(candidates, credentialType, repoUrl) is { } match
            ? secrets.First(s => s.Metadata.Name == match.SecretName)
            : null;
    }
}
