using Dray.Core.Model.Kubernetes;

namespace Dray.Core.Steps;

/// <summary>Read access to the project's Secrets for steps that need credentials.</summary>
public interface IStepSecrets
{
    /// <summary>A Secret of the promotion's project by name, or null when it does not exist.</summary>
    ValueTask<Secret?> GetAsync(string name, CancellationToken ct);

    /// <summary>
    /// The credentials Secret for a repository, matched by the <c>kargo.akuity.io/cred-type</c> label
    /// (<see cref="CredentialType"/>) and its <c>repoURL</c>/<c>repoURLPattern</c>; null when none matches.
    /// </summary>
    ValueTask<Secret?> FindCredentialsAsync(string credentialType, string repoUrl, CancellationToken ct);
}
