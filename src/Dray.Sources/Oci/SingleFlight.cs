using System.Collections.Concurrent;

namespace Dray.Sources.Oci;

/// <summary>
/// Runs one piece of work per key at a time; callers asking for a key already in flight share its result. Nothing is
/// kept once the work ends (the metadata cache remembers results). The work runs with the first caller's token:
/// if that caller is cancelled, the callers sharing it see the cancellation too and retry on their next discovery.
/// </summary>
internal sealed class SingleFlight<T>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _running = new(StringComparer.Ordinal);

    public Task<T> RunAsync(string key, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // Lazy: of two racing GetOrAdd calls only the stored value ever starts its work.
        var flight = _running.GetOrAdd(key, k => new Lazy<Task<T>>(() => FlyAsync(k, work, cancellationToken)));
        return flight.Value.WaitAsync(cancellationToken);
    }

    private async Task<T> FlyAsync(string key, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(key, out _);
        }
    }
}
