using System.Globalization;
using Dray.Core.Durations;
using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;

namespace Dray.Core.Warehouses;

/// <summary>Decides whether a Warehouse is discovered now, and otherwise how long until it is due.</summary>
public static class DiscoverySchedule
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// User actions (a spec change, a new refresh token) discover at once, even while backing off from failures;
    /// otherwise discovery waits for the interval or the backoff.
    /// </summary>
    public static (DiscoveryTrigger Trigger, TimeSpan Wait) Decide(Warehouse warehouse, DiscoveryAttempts? attempts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var status = warehouse.Status;
        if (status?.DiscoveredArtifacts is null && attempts is null)
        {
            return (DiscoveryTrigger.NeverRun, TimeSpan.Zero);
        }

        if (status?.ObservedGeneration != warehouse.Metadata.Generation)
        {
            return (DiscoveryTrigger.GenerationChanged, TimeSpan.Zero);
        }

        if (RefreshToken(warehouse) is { } token && token != status?.LastHandledRefresh)
        {
            return (DiscoveryTrigger.Refresh, TimeSpan.Zero);
        }

        if (attempts is null)
        {
            return (DiscoveryTrigger.NeverRun, TimeSpan.Zero);
        }

        return now >= attempts.NextDueAt ? (DiscoveryTrigger.Due, TimeSpan.Zero) : (DiscoveryTrigger.None, attempts.NextDueAt - now);
    }

    /// <summary>The larger of <c>spec.interval</c> (default 5m) and the operator's minimum.</summary>
    public static TimeSpan EffectiveInterval(WarehouseSpec spec, TimeSpan minimum)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var interval = GoDuration.TryParse(spec.Interval, out var parsed) && parsed > TimeSpan.Zero ? parsed : DefaultInterval;
        return interval < minimum ? minimum : interval;
    }

    /// <summary>How old a shared look at a repository may be when a refresh is served from it.</summary>
    public static readonly TimeSpan RefreshSharingWindow = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The instant after which a look at a shared repository is fresh enough for a discovery with this trigger: for a
    /// refresh see <see cref="FreshAfter(Warehouse, DateTimeOffset)"/>; a Warehouse's first discovery accepts one taken
    /// since it was created (so Warehouses applied together share one); null (join a running look, or start one) otherwise.
    /// </summary>
    public static DateTimeOffset? FreshAfter(Warehouse warehouse, DiscoveryTrigger trigger, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        return trigger switch
        {
            DiscoveryTrigger.Refresh => FreshAfter(warehouse, now),
            DiscoveryTrigger.NeverRun when warehouse.Metadata.CreationTimestamp is { } created && created <= now => Latest(created, now - RefreshSharingWindow),
            _ => null,
        };
    }

    /// <summary>
    /// For a refresh: the instant after which a look at the repository is fresh enough. Dray writes the time the refresh
    /// was asked for as its token (webhooks, the API), so the Warehouses one event refreshes can share one look taken
    /// since then, but never one older than <see cref="RefreshSharingWindow"/>. Any other token (or one from the
    /// future) asks for a look taken from now on.
    /// </summary>
    public static DateTimeOffset FreshAfter(Warehouse warehouse, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        if (DateTimeOffset.TryParseExact(RefreshToken(warehouse), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var asked) && asked <= now)
        {
            return Latest(asked, now - RefreshSharingWindow);
        }

        return now;
    }

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public static string? RefreshToken(Warehouse warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        return warehouse.Metadata.Annotations?.GetValueOrDefault(KargoAnnotations.Refresh);
    }
}
