using Dray.Core.Durations;
using System.Text.Json;
using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Warehouses;

namespace Dray.Core.Warehouses;

/// <summary>The next Warehouse status after a discovery, computed from the current one. Pure.</summary>
public static class WarehouseStatusCalculator
{
    /// <param name="freightId">The Freight the discovery points at, or null when none was built.</param>
    /// <param name="note">Why no Freight was built, when that is worth telling (for example an empty subscription).</param>
    public static WarehouseStatus Succeeded(Warehouse warehouse, DiscoveredArtifacts discovered, string? freightId, string? note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(discovered);
        var old = warehouse.Status;
        var generation = warehouse.Metadata.Generation;
        var message = note is null ? "Artifacts discovered" : $"Artifacts discovered; {note}";
        var conditions = ConditionList.Set(old?.Conditions, Condition(WarehouseConditions.Ready, ConditionStatus.True, WarehouseConditions.DiscoverySucceededReason, message, generation, now));
        conditions = ConditionList.Set(conditions, Condition(WarehouseConditions.Healthy, ConditionStatus.True, WarehouseConditions.DiscoverySucceededReason, "Discovery succeeded", generation, now));
        return new WarehouseStatus
        {
            Conditions = ConditionList.Remove(conditions, WarehouseConditions.Reconciling),
            LastHandledRefresh = DiscoverySchedule.RefreshToken(warehouse) ?? old?.LastHandledRefresh,
            ObservedGeneration = generation,
            LastFreightID = freightId ?? old?.LastFreightID,
            DiscoveredArtifacts = SameArtifacts(old?.DiscoveredArtifacts, discovered) && !Asked(warehouse)
                ? discovered with { DiscoveredAt = old!.DiscoveredArtifacts!.DiscoveredAt }
                : discovered with { DiscoveredAt = now },
        };
    }

    /// <summary>
    /// A discovery someone waits for (a refresh, a spec change, the first success after failures) records its time,
    /// so <c>discoveredAt</c> tells when discovery last ran; a periodic one that finds nothing new writes nothing.
    /// </summary>
    private static bool Asked(Warehouse warehouse)
    {
        var old = warehouse.Status;
        var token = DiscoverySchedule.RefreshToken(warehouse);
        return (token is not null && token != old?.LastHandledRefresh)
            || old?.ObservedGeneration != warehouse.Metadata.Generation
            || old?.Conditions?.FirstOrDefault(c => c.Type == WarehouseConditions.Ready)?.Status != ConditionStatus.True;
    }

    /// <summary>Keeps the last good discovery; reports the error and when the next attempt is.</summary>
    public static WarehouseStatus Failed(Warehouse warehouse, string error, TimeSpan retryIn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var old = warehouse.Status;
        var generation = warehouse.Metadata.Generation;
        var retry = $"retrying in {GoDuration.Format(retryIn)}";
        var conditions = ConditionList.Set(old?.Conditions, Condition(WarehouseConditions.Ready, ConditionStatus.False, WarehouseConditions.DiscoveryFailedReason, error, generation, now));
        conditions = ConditionList.Set(conditions, Condition(WarehouseConditions.Healthy, ConditionStatus.False, WarehouseConditions.DiscoveryFailedReason, $"{error}; {retry}", generation, now));
        conditions = ConditionList.Set(conditions, Condition(WarehouseConditions.Reconciling, ConditionStatus.True, WarehouseConditions.RetryScheduledReason, $"Discovery failed; {retry}", generation, now));
        return (old ?? new WarehouseStatus()) with
        {
            Conditions = conditions,
            LastHandledRefresh = DiscoverySchedule.RefreshToken(warehouse) ?? old?.LastHandledRefresh,
            ObservedGeneration = generation,
        };
    }

    /// <summary>Equal artifacts keep their first discovery time, so a discovery that finds nothing new changes nothing.</summary>
    public static bool SameArtifacts(DiscoveredArtifacts? a, DiscoveredArtifacts? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        return JsonElement.DeepEquals(
            JsonSerializer.SerializeToElement(a with { DiscoveredAt = null }, KargoJson.Options),
            JsonSerializer.SerializeToElement(b with { DiscoveredAt = null }, KargoJson.Options));
    }

    private static Condition Condition(string type, ConditionStatus status, string reason, string message, long? generation, DateTimeOffset now) => new()
    {
        Type = type,
        Status = status,
        Reason = reason,
        Message = message,
        ObservedGeneration = generation,
        LastTransitionTime = now,
    };
}
