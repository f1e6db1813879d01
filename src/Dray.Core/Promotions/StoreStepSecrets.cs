using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;
using Dray.Core.Resources;
using Dray.Core.Steps;
using Dray.Core.Storage;
using Dray.Core.Warehouses;

namespace Dray.Core.Promotions;

/// <summary>
/// A project's Secrets for steps, listed from the store; credentials matched by <see cref="CredentialMatcher"/>.
/// Values come through <see cref="ISecretValues"/>, so Secrets encrypted at rest (the server's) read in plain text.
/// </summary>
public sealed class StoreStepSecrets(IResourceStore store, string project, ISecretValues? secretValues = null) : IStepSecrets
{
    private readonly ISecretValues _values = secretValues ?? new StoredSecretValues(store);

    public async ValueTask<Secret?> GetAsync(string name, CancellationToken ct)
    {
        var values = await _values.ReadAsync(project, name, ct).ConfigureAwait(false);
        return values is null ? null : Plain(name, values);
    }

    public async ValueTask<Secret?> FindCredentialsAsync(string credentialType, string repoUrl, CancellationToken ct)
    {
        var selector = new Dictionary<string, string>(StringComparer.Ordinal) { [KargoLabels.CredentialType] = credentialType };
        var page = await store.ListAsync(new ListQuery(ResourceKinds.Secret.Kind, project, LabelSelector: selector), ct).ConfigureAwait(false);
        var candidates = new List<CredentialCandidate>();
        var byName = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var document in page.Items)
        {
            var values = await _values.ReadAsync(project, document.Name, ct).ConfigureAwait(false);
            if (values is null || !values.TryGetValue("repoURL", out var url))
            {
                continue;
            }

            byName[document.Name] = values;
            var isRegex = values.TryGetValue("repoURLIsRegex", out var flag) && bool.TryParse(flag, out var parsed) && parsed;
            candidates.Add(new CredentialCandidate(document.Name, url, isRegex));
        }

        return CredentialMatcher.Match(candidates, credentialType, repoUrl) is { } match
            ? Plain(match.SecretName, byName[match.SecretName])
            : null;
    }

    private Secret Plain(string name, IReadOnlyDictionary<string, string> values) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = project },
        StringData = values,
    };
}
