using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Helm;

namespace Dray.Sources.Discovery;

/// <summary>Lets the Warehouse reconciler use <see cref="ChartDiscoverer"/> for chart subscriptions.</summary>
public sealed class ChartArtifactDiscoverer(ChartDiscoverer discoverer) : IArtifactDiscoverer<ChartSubscription, ChartDiscoveryResult>
{
    public Task<ChartDiscoveryResult> DiscoverAsync(
        ChartSubscription subscription, string? subscriptionName, RepositoryCredentials? credentials, ChartDiscoveryResult? previous, CancellationToken cancellationToken)
    {
        var credential = credentials is { Username: { Length: > 0 } username } ? new HelmCredential(username, credentials.Password ?? "") : null;
        return discoverer.DiscoverAsync(subscription, credential, insecureSkipTlsVerify: false, cancellationToken);
    }
}
