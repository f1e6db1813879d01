namespace Dray.Core.Warehouses;

/// <summary>
/// Stands in for a subscription type this host has no discoverer for: every discovery fails with a clear
/// message on the Warehouse, instead of the host failing to start.
/// </summary>
public sealed class UnavailableDiscoverer<TSubscription, TResult>(string type) : IArtifactDiscoverer<TSubscription, TResult>
{
    public Task<TResult> DiscoverAsync(TSubscription subscription, string? subscriptionName, RepositoryCredentials? credentials, TResult? previous, CancellationToken cancellationToken) =>
        Task.FromException<TResult>(new DiscoveryFailedException($"{type} discovery is not available on this server"));
}
