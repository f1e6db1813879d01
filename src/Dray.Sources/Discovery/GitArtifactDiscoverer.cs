using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Git;

namespace Dray.Sources.Discovery;

/// <summary>Lets the Warehouse reconciler use <see cref="GitCommitDiscoverer"/> for git subscriptions.</summary>
public sealed class GitArtifactDiscoverer(GitCommitDiscoverer discoverer) : IArtifactDiscoverer<GitSubscription, GitDiscoveryResult>
{
    public Task<GitDiscoveryResult> DiscoverAsync(GitSubscription subscription, DiscoveryContext<GitDiscoveryResult> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Only HTTP(S) username/password credentials apply; git over SSH is not supported by the mirror manager.
        var credential = context.Credentials is { Username: { Length: > 0 } username } ? new GitCredential(username, context.Credentials.Password ?? "") : null;
        return discoverer.DiscoverAsync(subscription, credential, context.FreshAfter, cancellationToken);
    }
}
