using System.Collections.Concurrent;

namespace Dray.Core.Tests.Promotions;

/// <summary>How often each test step ran, keyed by promotion and a name from the step's config.</summary>
public sealed class StepCounters
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Increment(string key) => _counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    public int Get(string key) => _counts.GetValueOrDefault(key);
}
