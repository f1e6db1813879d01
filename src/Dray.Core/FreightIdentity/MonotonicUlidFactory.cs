using System.Security.Cryptography;

namespace Dray.Core.FreightIdentity;

/// <summary>
/// Creates ULIDs that strictly increase, even within one millisecond or when the clock steps back, so names built
/// from them (Promotions, AnalysisRuns) sort in creation order. Thread-safe; share one instance per process.
/// </summary>
public sealed class MonotonicUlidFactory
{
    private const int TimestampBytes = 6;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private byte[]? _last;

    public MonotonicUlidFactory(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public Ulid Next()
    {
        var candidate = Ulid.NewUlid(_timeProvider.GetUtcNow(), RandomNumberGenerator.GetBytes(10)).ToByteArray();
        lock (_gate)
        {
            if (_last is not null && Compare(candidate, _last, TimestampBytes) <= 0)
            {
                // Same (or earlier) millisecond as the last ULID: keep its time and bump its random part by one.
                candidate = (byte[])_last.Clone();
                Increment(candidate);
            }

            _last = candidate;
            return new Ulid(candidate);
        }
    }

    private static int Compare(byte[] a, byte[] b, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }

    private static void Increment(byte[] bytes)
    {
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            if (++bytes[i] != 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("ULID space exhausted.");
    }
}
