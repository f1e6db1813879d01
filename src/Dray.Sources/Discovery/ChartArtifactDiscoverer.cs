using Dray.Core.Model.Warehouses;
using Dray.Core.Warehouses;
using Dray.Sources.Helm;

namespace Dray.Sources.Discovery;

/// <summary>Lets the Warehouse reconciler use <see cref="ChartDiscoverer"/> for chart subscriptions.</summary>
public sealed class ChartArtifactDiscoverer(ChartDiscoverer discoverer) : IArtifactDiscoverer<ChartSubscription, ChartDiscoveryResult>
{
    public Task<ChartDiscoveryResult> DiscoverAsync(ChartSubscription subscription, DiscoveryContext<ChartDiscoveryResult> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var credential = context.Credentials is { Username: { Length: > 0 } username } ? new HelmCredential(username, context.Credentials.Password ?? "") : null;
        return discoverer.DiscoverAsync(subscription, credential, subscription.InsecureSkipTLSVerify ?? false, cancellationToken);
    }
}
