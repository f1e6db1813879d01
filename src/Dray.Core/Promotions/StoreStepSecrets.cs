using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Resources;
using Dray.Core.Steps;
using Dray.Core.Storage;
using Dray.Core.Warehouses;

namespace Dray.Core.Promotions;

/// <summary>
/// A project's Secrets for steps, read from the store; credentials matched by <see cref="CredentialMatcher"/>. When the
/// host stores Secret values encrypted, <paramref name="values"/> reads them in the clear.
/// </summary>
public sealed class StoreStepSecrets(IResourceStore store, string project, ISecretValues? values = null) : IStepSecrets
{
    public async ValueTask<Secret?> GetAsync(string name, CancellationToken ct)
    {
        var document = await store.GetAsync(new ResourceKey(ResourceKinds.Secret.Kind, project, name), ct).ConfigureAwait(false);
        return document is null ? null : await ClearAsync(KargoJson.FromDocument<Secret>(document), ct).ConfigureAwait(false);
    }

    public async ValueTask<Secret?> FindCredentialsAsync(string credentialType, string repoUrl, CancellationToken ct)
    {
        var selector = new Dictionary<string, string>(StringComparer.Ordinal) { [KargoLabels.CredentialType] = credentialType };
        var page = await store.ListAsync(new ListQuery(ResourceKinds.Secret.Kind, project, LabelSelector: selector), ct).ConfigureAwait(false);
        var secrets = new List<Secret>();
        foreach (var item in page.Items)
        {
            secrets.Add(await ClearAsync(KargoJson.FromDocument<Secret>(item), ct).ConfigureAwait(false));
        }

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

    /// <summary>The Secret with its values in the clear (as <c>stringData</c>) when a decrypting reader is registered.</summary>
    private async ValueTask<Secret> ClearAsync(Secret secret, CancellationToken ct)
    {
        if (values is null || secret.Metadata.Name is not { } name
            || await values.ReadAsync(project, name, ct).ConfigureAwait(false) is not { } clear)
        {
            return secret;
        }

        return secret with { Data = null, StringData = clear.ToDictionary(StringComparer.Ordinal) };
    }
}
