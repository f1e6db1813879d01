namespace Dray.Core.Warehouses;

/// <summary>What this process remembers about one Warehouse's discoveries: when the next one is due, and how many failed in a row.</summary>
public sealed record DiscoveryAttempts(DateTimeOffset NextDueAt, int ConsecutiveFailures);
