namespace Dray.Core.Warehouses;

/// <summary>
/// Stands in for a subscription type this host has no discoverer for: every discovery fails with a clear
/// message on the Warehouse, instead of the host failing to start.
/// </summary>
public sealed class UnavailableDiscoverer<TSubscription, TResult>(string type) : IArtifactDiscoverer<TSubscription, TResult>
    where TResult : class
{
    public Task<TResult> DiscoverAsync(TSubscription subscription, DiscoveryContext<TResult> context, CancellationToken cancellationToken) =>
        Task.FromException<TResult>(new DiscoveryFailedException($"{type} discovery is not available on this server"));
}
