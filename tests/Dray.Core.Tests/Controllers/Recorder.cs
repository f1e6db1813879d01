using System.Collections.Concurrent;
using Dray.Core.Controllers;
using Dray.Core.Resources;

namespace Dray.Core.Tests.Controllers;

/// <summary>What the runner asked of <see cref="RecordingReconciler"/>: which key, when (fake time), in which scope.</summary>
public sealed class Recorder(TimeProvider time)
{
    private readonly ConcurrentDictionary<ResourceKey, int> _active = new();
    private readonly ConcurrentDictionary<ResourceKey, int> _callsPerKey = new();
    private int _maxActivePerKey;

    public ConcurrentQueue<(string Name, DateTimeOffset At, Guid Scope)> Calls { get; } = new();

    /// <summary>Decides the result of the n-th call (1-based) for a key. Default: done.</summary>
    public Func<ResourceKey, int, Task<ReconcileResult>> Behaviour { get; set; } = (_, _) => Task.FromResult(ReconcileResult.Done);

    public int MaxActivePerKey => Volatile.Read(ref _maxActivePerKey);

    public IReadOnlyList<(string Name, DateTimeOffset At, Guid Scope)> CallsFor(string name) => Calls.Where(c => c.Name == name).ToList();

    public async Task<ReconcileResult> RecordAsync(ResourceKey key, Guid scope)
    {
        var active = _active.AddOrUpdate(key, 1, (_, n) => n + 1);
        InterlockedMax(ref _maxActivePerKey, active);
        try
        {
            Calls.Enqueue((key.Name, time.GetUtcNow(), scope));
            var n = _callsPerKey.AddOrUpdate(key, 1, (_, c) => c + 1);
            return await Behaviour(key, n);
        }
        finally
        {
            _active.AddOrUpdate(key, 0, (_, c) => c - 1);
        }
    }

    public async Task WaitForAsync(Func<bool> condition, Action? step = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Condition not met; calls so far: {string.Join(", ", Calls.Select(c => c.Name))}");
            }

            step?.Invoke();
            await Task.Delay(10);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
