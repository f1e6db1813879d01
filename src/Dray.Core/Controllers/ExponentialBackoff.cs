namespace Dray.Core.Controllers;

/// <summary>Capped exponential backoff with jitter: <c>min(max, base * 2^(failures-1)) * (1 + jitter * r)</c>, capped again.</summary>
public sealed record ExponentialBackoff(TimeSpan BaseDelay, TimeSpan MaxDelay, double JitterFraction)
{
    public static ExponentialBackoff Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), 0.1);

    /// <param name="failures">Consecutive failures so far, at least 1.</param>
    /// <param name="random">A number in [0, 1) that spreads retries of many keys failing together.</param>
    public TimeSpan Delay(int failures, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponent = Math.Min(failures - 1, 62);
        var ticks = BaseDelay.Ticks * Math.Pow(2, exponent);
        var capped = Math.Min(ticks, MaxDelay.Ticks);
        var jittered = capped * (1 + (JitterFraction * random));
        return TimeSpan.FromTicks((long)Math.Min(jittered, MaxDelay.Ticks));
    }
}
