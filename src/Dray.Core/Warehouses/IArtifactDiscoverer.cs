namespace Dray.Core.Warehouses;

/// <summary>
/// Discovers the candidate artifacts of one Warehouse subscription, best first, at most its discovery limit.
/// One implementation per subscription type: image, git and chart.
/// </summary>
/// <typeparam name="TSubscription">For example <see cref="Model.Warehouses.ImageSubscription"/>.</typeparam>
/// <typeparam name="TResult">For example <see cref="Model.Warehouses.ImageDiscoveryResult"/>.</typeparam>
public interface IArtifactDiscoverer<in TSubscription, TResult>
    where TResult : class
{
    /// <exception cref="Exception">Any failure; its message is shown to users on the Warehouse, so it should say what
    /// failed and where (for example "registry 127.0.0.1:5000 unreachable: connection refused").</exception>
    Task<TResult> DiscoverAsync(TSubscription subscription, DiscoveryContext<TResult> context, CancellationToken cancellationToken);
}
