using System.Collections.Concurrent;

namespace Dray.Sources.Oci;

/// <summary>Singleton: one <see cref="RegistryRateLimiter"/> per (host, credential) shared by all callers.</summary>
public sealed class RegistryRateLimiterRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RegistryRateLimiter>> _limiters = new(StringComparer.Ordinal);
    private readonly RegistryRateLimitOptions _options;
    private readonly TimeProvider _timeProvider;

    public RegistryRateLimiterRegistry(RegistryRateLimitOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
    }

    public int Count => _limiters.Count;

    public RegistryRateLimiter Get(string host, RegistryCredential? credential)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var key = host.ToLowerInvariant() + "|" + (credential?.Fingerprint ?? "anonymous");
        return _limiters.GetOrAdd(key, _ => new Lazy<RegistryRateLimiter>(() => new RegistryRateLimiter(_options, _timeProvider))).Value;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            if (limiter.IsValueCreated)
            {
                limiter.Value.Dispose();
            }
        }

        _limiters.Clear();
    }
}
