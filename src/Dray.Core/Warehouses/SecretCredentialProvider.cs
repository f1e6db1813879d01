using Dray.Core.Model.Common;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Warehouses;

/// <summary>
/// Finds repository credentials among the project's Secrets labelled <c>kargo.akuity.io/cred-type</c>, using
/// <see cref="CredentialMatcher"/>, then among the shared ones (<see cref="SharedProject"/>). Values come through <see cref="ISecretValues"/>, so encrypted stores work too.
/// </summary>
public sealed class SecretCredentialProvider(IResourceStore store, ISecretValues secretValues) : ICredentialProvider
{
    /// <summary>
    /// Kargo's shared resources namespace: its credential Secrets serve every project that has no match of its own.
    /// In Dray it is a Project of this name holding only Secrets.
    /// </summary>
    public const string SharedProject = "kargo-shared-resources";

    public async Task<RepositoryCredentials?> GetAsync(string project, string credentialType, string repoUrl, CancellationToken cancellationToken)
    {
        return await FindAsync(project, credentialType, repoUrl, cancellationToken).ConfigureAwait(false)
            ?? (project == SharedProject ? null : await FindAsync(SharedProject, credentialType, repoUrl, cancellationToken).ConfigureAwait(false));
    }

    private async Task<RepositoryCredentials?> FindAsync(string project, string credentialType, string repoUrl, CancellationToken cancellationToken)
    {
        var selector = new Dictionary<string, string>(StringComparer.Ordinal) { [KargoLabels.CredentialType] = credentialType };
        var page = await store.ListAsync(new ListQuery(ResourceKinds.Secret.Kind, project, LabelSelector: selector), cancellationToken).ConfigureAwait(false);
        var candidates = new List<CredentialCandidate>();
        var values = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var document in page.Items)
        {
            var data = await secretValues.ReadAsync(project, document.Name, cancellationToken).ConfigureAwait(false);
            if (data is null || !data.TryGetValue("repoURL", out var url))
            {
                continue;
            }

            values[document.Name] = data;
            var isRegex = data.TryGetValue("repoURLIsRegex", out var flag) && bool.TryParse(flag, out var parsed) && parsed;
            candidates.Add(new CredentialCandidate(document.Name, url, isRegex));
        }

        if (CredentialMatcher.Match(candidates, credentialType, repoUrl) is not { } match)
        {
            return null;
        }

        var chosen = values[match.SecretName];
        return new RepositoryCredentials(
            match.SecretName,
            chosen.GetValueOrDefault("username"),
            chosen.GetValueOrDefault("password"),
            chosen.GetValueOrDefault("sshPrivateKey"));
    }
}
