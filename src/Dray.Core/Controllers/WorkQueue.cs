namespace Dray.Core.Controllers;

/// <summary>
/// A work queue with client-go semantics. A key is queued at most once (the dirty set); a key being processed is
/// never handed to a second worker (the processing set); a key added while processed is queued again when the
/// worker calls <see cref="Done"/>. Delayed adds run on <see cref="TimeProvider"/> timers, failures back off
/// exponentially per key until <see cref="Forget"/>.
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, DelayedAdd> _waiting = [];
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly SemaphoreSlim _ready = new(0);
    private readonly TimeProvider _time;
    private readonly WorkQueueOptions _options;
    private bool _disposed;

    public WorkQueue(TimeProvider timeProvider, WorkQueueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _options = options ?? new WorkQueueOptions();
    }

    /// <summary>Keys waiting for a worker (not counting delayed or in-flight keys).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    public void Add(TKey key)
    {
        lock (_lock)
        {
            if (_disposed || !_dirty.Add(key) || _processing.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _ready.Release();
    }

    /// <summary>Adds the key once <paramref name="delay"/> has passed. An earlier pending add for the key wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var readyAt = _time.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var existing))
            {
                if (existing.ReadyAt <= readyAt)
                {
                    return;
                }

                existing.Timer.Dispose();
            }

            var pending = new DelayedAdd(readyAt);
            pending.Timer = _time.CreateTimer(_ => Fire(key, pending), null, delay, Timeout.InfiniteTimeSpan);
            _waiting[key] = pending;
        }
    }

    /// <summary>Records one more failure of the key and adds it after the backoff for that many failures.</summary>
    /// <returns>The delay chosen.</returns>
    public TimeSpan AddRateLimited(TKey key)
    {
        int failures;
        lock (_lock)
        {
            failures = _failures.TryGetValue(key, out var f) ? f + 1 : 1;
            _failures[key] = failures;
        }

        var delay = _options.Backoff.Delay(failures, _options.Random());
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Clears the key's failure history, so its next failure starts from the base delay.</summary>
    public void Forget(TKey key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    public int NumRequeues(TKey key)
    {
        lock (_lock)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>Waits for a key and marks it as being processed. The caller must call <see cref="Done"/> afterwards.</summary>
    public async Task<TKey> GetAsync(CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            var key = _queue.Dequeue();
            _dirty.Remove(key);
            _processing.Add(key);
            return key;
        }
    }

    /// <summary>Ends processing of the key; if it was added meanwhile, it goes back into the queue now.</summary>
    public void Done(TKey key)
    {
        lock (_lock)
        {
            _processing.Remove(key);
            if (_disposed || !_dirty.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _ready.Release();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var pending in _waiting.Values)
            {
                pending.Timer.Dispose();
            }

            _waiting.Clear();
        }

        _ready.Dispose();
    }

    private void Fire(TKey key, DelayedAdd pending)
    {
        lock (_lock)
        {
            if (!_waiting.TryGetValue(key, out var current) || !ReferenceEquals(current, pending))
            {
                return;
            }

            _waiting.Remove(key);
            pending.Timer.Dispose();
        }

        Add(key);
    }

    private sealed class DelayedAdd(DateTimeOffset readyAt)
    {
        public DateTimeOffset ReadyAt { get; } = readyAt;

        public ITimer Timer { get; set; } = null!;
    }
}
