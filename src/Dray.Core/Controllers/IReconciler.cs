namespace Dray.Core.Controllers;

/// <summary>
/// Brings one object towards its desired state. Resolved from a fresh DI scope for every key. An exception means
/// "failed": the runner requeues the key with capped exponential backoff.
/// </summary>
public interface IReconciler<in TKey>
    where TKey : notnull
{
    Task<ReconcileResult> ReconcileAsync(TKey key, CancellationToken cancellationToken);
}
