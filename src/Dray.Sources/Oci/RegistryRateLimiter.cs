using System.Threading.RateLimiting;

namespace Dray.Sources.Oci;

/// <summary>
/// The request budget of one (host, credential): a token bucket plus a pause that a 429 sets,
/// so every caller of that registry backs off together instead of each discovering the limit.
/// </summary>
public sealed class RegistryRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly TimeProvider _timeProvider;
    private long _pausedUntilTicks;

    internal RegistryRateLimiter(RegistryRateLimitOptions options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.TokenLimit,
            TokensPerPeriod = options.TokensPerPeriod,
            ReplenishmentPeriod = options.ReplenishmentPeriod,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public DateTimeOffset PausedUntil => new(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);

    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var wait = PausedUntil - _timeProvider.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        var lease = await _bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new RegistryException("too many registry requests are queued; try again later") { IsTransient = true };
        }

        return lease;
    }

    /// <summary>Holds back every caller until <paramref name="delay"/> from now (never shortens an existing pause).</summary>
    public void PauseFor(TimeSpan delay)
    {
        var until = (_timeProvider.GetUtcNow() + delay).UtcTicks;
        var current = Interlocked.Read(ref _pausedUntilTicks);
        while (until > current)
        {
            var seen = Interlocked.CompareExchange(ref _pausedUntilTicks, until, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    public void Dispose() => _bucket.Dispose();
}
