namespace Dray.Core.Controllers;

public sealed record WorkQueueOptions
{
    public ExponentialBackoff Backoff { get; init; } = ExponentialBackoff.Default;

    /// <summary>Returns a number in [0, 1) for jitter; injectable so tests are deterministic.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;
}
