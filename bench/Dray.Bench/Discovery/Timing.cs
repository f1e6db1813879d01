using System.Diagnostics;
using System.Globalization;

namespace Dray.Bench.Discovery;

internal static class Timing
{
    public static async Task<double> MillisecondsAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    public static double Median(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Format(IReadOnlyList<double> samples) =>
        string.Create(CultureInfo.InvariantCulture, $"median {Median(samples):F1} ms (runs: {string.Join(", ", samples.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))})");
}
