namespace Dray.Bench;

/// <summary>Nearest-rank percentiles over a set of latency samples.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedSamples, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100 * sortedSamples.Count);
        return sortedSamples[Math.Clamp(rank - 1, 0, sortedSamples.Count - 1)];
    }
}
