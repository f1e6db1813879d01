using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Git;

namespace Dray.Sources.Discovery;

/// <summary>Lets the Warehouse reconciler use <see cref="GitCommitDiscoverer"/> for git subscriptions.</summary>
public sealed class GitArtifactDiscoverer(GitCommitDiscoverer discoverer) : IArtifactDiscoverer<GitSubscription, GitDiscoveryResult>
{
    public Task<GitDiscoveryResult> DiscoverAsync(
        GitSubscription subscription, string? subscriptionName, RepositoryCredentials? credentials, GitDiscoveryResult? previous, CancellationToken cancellationToken)
    {
        // Only HTTP(S) username/password credentials apply; git over SSH is not supported by the mirror manager.
        var credential = credentials is { Username: { Length: > 0 } username } ? new GitCredential(username, credentials.Password ?? "") : null;
        return discoverer.DiscoverAsync(subscription, credential, cancellationToken);
    }
}
