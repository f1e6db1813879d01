namespace Dray.Core.Warehouses;

/// <summary>Condition types and reasons a Warehouse reports.</summary>
public static class WarehouseConditions
{
    public const string Ready = "Ready";
    public const string Healthy = "Healthy";
    public const string Reconciling = "Reconciling";

    public const string DiscoverySucceededReason = "DiscoverySucceeded";
    public const string DiscoveryFailedReason = "DiscoveryFailed";
    public const string RetryScheduledReason = "RetryScheduled";
}
