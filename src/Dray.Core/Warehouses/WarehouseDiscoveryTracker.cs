using System.Collections.Concurrent;
using Dray.Core.Controllers;
using Dray.Core.Resources;

namespace Dray.Core.Warehouses;

/// <summary>
/// Remembers, per Warehouse, when discovery is next due. Kept in memory (a singleton) rather than in status so a
/// discovery that finds nothing new writes nothing; after a restart every Warehouse is discovered once.
/// </summary>
public sealed class WarehouseDiscoveryTracker
{
    private readonly ConcurrentDictionary<ResourceKey, DiscoveryAttempts> _attempts = new();

    public DiscoveryAttempts? Get(ResourceKey key) => _attempts.GetValueOrDefault(key);

    public void RecordSuccess(ResourceKey key, DateTimeOffset nextDueAt) => _attempts[key] = new DiscoveryAttempts(nextDueAt, 0);

    /// <returns>How long to wait before the next attempt.</returns>
    public TimeSpan RecordFailure(ResourceKey key, DateTimeOffset now, ExponentialBackoff backoff, double random)
    {
        ArgumentNullException.ThrowIfNull(backoff);
        var failures = (_attempts.GetValueOrDefault(key)?.ConsecutiveFailures ?? 0) + 1;
        var delay = backoff.Delay(failures, random);
        _attempts[key] = new DiscoveryAttempts(now + delay, failures);
        return delay;
    }

    public void Remove(ResourceKey key) => _attempts.TryRemove(key, out _);
}
