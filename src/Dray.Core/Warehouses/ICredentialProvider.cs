namespace Dray.Core.Warehouses;

/// <summary>Finds the credentials for a repository, by type and URL, the way Kargo does: never by reference.</summary>
public interface ICredentialProvider
{
    /// <param name="project">The project (namespace) whose Secrets are searched.</param>
    /// <param name="credentialType">One of <see cref="Model.Kubernetes.CredentialType"/>: git, image or helm.</param>
    /// <param name="repoUrl">The subscription's repository URL.</param>
    /// <returns>The credentials, or null to access the repository anonymously.</returns>
    Task<RepositoryCredentials?> GetAsync(string project, string credentialType, string repoUrl, CancellationToken cancellationToken);
}
