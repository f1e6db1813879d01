using Dray.Core.Controllers;

namespace Dray.Core.Warehouses;

public sealed record WarehouseReconcilerOptions
{
    /// <summary>The operator's floor for <c>spec.interval</c> (Kargo's <c>minReconciliationInterval</c>).</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long to wait after consecutive discovery failures.</summary>
    public ExponentialBackoff Backoff { get; init; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), 0.1);

    /// <summary>Returns a number in [0, 1) for backoff jitter; injectable so tests are deterministic.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;
}
